using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.IO;
using PixelGen.Tests.Support;
using static PixelGen.Tests.Frames.FrameTestData;

namespace PixelGen.Tests.Frames;

/// <summary>Native frames: each transfer syntax, float kinds, 1-bit frames of odd sizes.</summary>
public class NativeFrameTests
{
    [Theory]
    [InlineData(DicomBuilder.ImplicitLE)]
    [InlineData(DicomBuilder.ExplicitLE)]
    [InlineData(DicomBuilder.ExplicitBE)]
    [InlineData(DicomBuilder.DeflatedLE)]
    public void Native_frames_of_each_transfer_syntax_are_the_stored_slices(string ts)
    {
        var (file, pixels, b) = Native(ts);
        using var reader = Reader(file);
        Assert.Equal(5, reader.NumberOfFrames);
        Assert.Equal(ts, reader.TransferSyntax.Uid);
        Assert.Equal(ts == DicomBuilder.ExplicitBE, reader.Layout.IsBigEndian);
        Assert.Equal(b.PixelDataElementOffset, reader.FrameInfo.PixelDataElementOffset);
        Assert.Equal("native", reader.FrameInfo.FrameIndexSource);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(FrameBytes, reader.GetFrameLength(i));
            Assert.Equal(pixels.AsSpan(i * FrameBytes, FrameBytes).ToArray(), reader.ReadFrameRaw(i));
        }
    }

    [Fact]
    public void Float_and_double_pixel_data_frames_are_found()
    {
        foreach (var (element, bits, vr) in new[] { ((ushort)0x0008, 32, "OF"), ((ushort)0x0009, 64, "OD") })
        {
            var b = new DicomBuilder(DicomBuilder.ExplicitLE);
            b.US(0x0028, 0x0002, 1).Text(0x0028, 0x0004, "CS", "MONOCHROME2").Text(0x0028, 0x0008, "IS", "2")
             .US(0x0028, 0x0010, 2).US(0x0028, 0x0011, 2).US(0x0028, 0x0100, (ushort)bits);
            var pixels = DicomBuilder.Pattern(2 * 4 * bits / 8, bits);
            b.NativePixelData(pixels, vr, element);
            using var reader = Reader(b.Build());
            Assert.Equal(element == 8 ? PixelGen.Layout.PixelDataKind.Float : PixelGen.Layout.PixelDataKind.Double, reader.Layout.Kind);
            Assert.Equal(bits, reader.Layout.BitsStored);
            Assert.Equal(pixels.AsSpan(pixels.Length / 2).ToArray(), reader.ReadFrameRaw(1));
        }
    }

    /// <summary>Independent reference: frame i's bits re-packed LSB-first from bit 0.</summary>
    private static byte[] ExpectedBitFrame(bool[] bits, int frame, int frameBits)
    {
        var result = new byte[(frameBits + 7) / 8];
        for (int k = 0; k < frameBits; k++)
            if (bits[frame * frameBits + k]) result[k / 8] |= (byte)(1 << (k % 8));
        return result;
    }

    [Theory]
    [InlineData(3, 5, 7)]
    [InlineData(1, 1, 9)]
    [InlineData(7, 9, 4)]
    [InlineData(4, 4, 3)]
    [InlineData(510, 510, 3)]
    public void One_bit_frames_of_odd_sizes_are_realigned_to_bit_zero(int rows, int columns, int frames)
    {
        int frameBits = rows * columns;
        var rng = new Random(rows * 31 + columns);
        var bits = Enumerable.Range(0, frameBits * frames).Select(_ => rng.Next(2) == 1).ToArray();
        var packed = new byte[(bits.Length + 7) / 8];
        for (int k = 0; k < bits.Length; k++) if (bits[k]) packed[k / 8] |= (byte)(1 << (k % 8));
        if (packed.Length % 2 == 1) packed = [.. packed, 0xFF]; // pad byte with bits set: must not leak into the last frame
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(rows, columns, 1, frames: frames);
        b.NativePixelData(packed, "OB");
        using var reader = Reader(b.Build());
        for (int i = 0; i < frames; i++)
        {
            Assert.Equal((long)frameBits * i, reader.FrameInfo.Frames[i].BitOffset);
            Assert.Equal(ExpectedBitFrame(bits, i, frameBits), reader.ReadFrameRaw(i));
        }
    }
}
