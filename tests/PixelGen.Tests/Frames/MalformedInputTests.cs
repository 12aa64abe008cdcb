using PixelGen.Frames;
using PixelGen.IO;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Frames;

/// <summary>
/// Truncations and byte corruptions of valid files: opening and reading every frame either works or raises a
/// PixelGen exception — never IndexOutOfRange, NullReference, Overflow or an out-of-memory allocation.
/// </summary>
public class MalformedInputTests
{
    public static TheoryData<string> Inputs() => ["native-le", "native-be", "implicit", "deflated", "rle-bot", "jpeg-scan", "one-bit", "sequences"];

    private static byte[] Make(string kind)
    {
        DicomBuilder b;
        switch (kind)
        {
            case "native-le": case "native-be": case "implicit": case "deflated":
                b = new DicomBuilder(kind switch { "native-be" => DicomBuilder.ExplicitBE, "implicit" => DicomBuilder.ImplicitLE, "deflated" => DicomBuilder.DeflatedLE, _ => DicomBuilder.ExplicitLE });
                b.ImagePixel(4, 3, 16, frames: 3).NativePixelData(DicomBuilder.Pattern(72, 1));
                return b.Build();
            case "rle-bot":
            {
                var f = FrameTestData.Fragments(4, 3);
                var items = DicomBuilder.ItemOffsets(f);
                b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(4, 3, 16, frames: 2);
                b.EncapsulatedPixelData([items[0], items[2]], f);
                return b.Build();
            }
            case "jpeg-scan":
                b = new DicomBuilder(DicomBuilder.JpegBaseline).ImagePixel(4, 3, 8, frames: 2);
                b.EncapsulatedPixelData([], FrameTestData.Jpeg(12, 1, true, false), FrameTestData.Jpeg(8, 2, false, true), FrameTestData.Jpeg(10, 3, true, true));
                return b.Build();
            case "one-bit":
                b = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(3, 5, 1, frames: 5);
                b.NativePixelData(DicomBuilder.Pattern(10, 4), "OB");
                return b.Build();
            default:
                var item = new DicomBuilder(DicomBuilder.ExplicitLE).Text(0x0008, 0x1150, "UI", "1.2.3");
                b = new DicomBuilder(DicomBuilder.ExplicitLE).Sequence(0x0008, 0x1140, true, item, item).Sequence(0x0008, 0x1115, false, item);
                b.UnSequence(0x0009, 0x1001, new DicomBuilder(DicomBuilder.ImplicitLE).US(0x0028, 0x0010, 1));
                b.ImagePixel(2, 2, 8).NativePixelData([1, 2, 3, 4], "OB");
                return b.Build();
        }
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(16, 3)]
    [InlineData(1, 2)]
    public void A_header_claiming_a_frame_far_larger_than_the_file_fails_before_allocating(int bits, int frames)
    {
        // Rows × Columns from a damaged header (30000 × 30000 × 2 bytes = 1.8 GB) over 72 bytes of pixel data.
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(30000, 30000, bits, frames: frames);
        var bytes = b.NativePixelData(DicomBuilder.Pattern(72, 1), bits == 1 ? "OB" : "OW").Build();
        using var reader = new FrameReader(new MemorySource(bytes));
        var destination = new byte[16];
        foreach (var read in new Action[]
        {
            () => reader.ReadFrameRaw(0),
            () => reader.ReadFrame(0),
            () => reader.ReadAllFrames(),
            () => reader.ReadFrameRaw(frames - 1),
        })
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<PixelDataException>(read);
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        }
    }

    [Fact]
    public void A_number_of_frames_far_beyond_the_data_indexes_only_the_frames_that_start_in_it()
    {
        // 3 frames of 4 x 3 x 16 bits present, 100 million declared.
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(4, 3, 16, frames: 100_000_000);
        var bytes = b.NativePixelData(DicomBuilder.Pattern(72, 1)).Build();
        using var reader = new FrameReader(new MemorySource(bytes));
        Assert.Equal(3, reader.NumberOfFrames);
        Assert.Contains(reader.Warnings, w => w.Contains("Number of Frames is 100000000"));
        Assert.True(reader.FrameInfo.ToJson().Length < 10_000);
        Assert.Equal(24, reader.ReadFrameRaw(2).Length);

        // A truncated last frame stays in the index and fails when read.
        var truncated = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(4, 3, 16, frames: 4).NativePixelData(DicomBuilder.Pattern(80, 1)).Build();
        using var partial = new FrameReader(new MemorySource(truncated));
        Assert.Equal(4, partial.NumberOfFrames);
        Assert.Throws<PixelDataException>(() => partial.ReadFrameRaw(3));
    }

    [Fact]
    public void An_encapsulated_frame_too_large_for_one_array_is_bad_input_not_a_caller_error()
    {
        var f = FrameTestData.Fragments(4, 3);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(65535, 65535, 16, frames: 1);
        b.EncapsulatedPixelData([], f[0]);
        using var reader = new FrameReader(new MemorySource(b.Build()));
        Assert.Throws<PixelDataException>(() => reader.ReadFrame(0));
    }

    private static void OpenAndReadAll(byte[] bytes)
    {
        try
        {
            using var reader = new FrameReader(new MemorySource(bytes));
            for (int i = 0; i < reader.NumberOfFrames; i++) reader.ReadFrameRaw(i);
            _ = reader.FrameInfo.ToJson();
        }
        catch (PixelGenException)
        {
            // the expected way to fail
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_truncation_fails_cleanly(string kind)
    {
        var bytes = Make(kind);
        for (int n = 0; n < bytes.Length; n++) OpenAndReadAll(bytes[..n]);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Corrupted_bytes_fail_cleanly(string kind)
    {
        var original = Make(kind);
        var rng = new Random(kind.Length * 7919 + kind[0]); // stable seed: string hashes are randomised per process
        for (int round = 0; round < 1500; round++)
        {
            var bytes = (byte[])original.Clone();
            int flips = 1 + rng.Next(4);
            for (int k = 0; k < flips; k++)
            {
                int at = 128 + rng.Next(bytes.Length - 128);
                bytes[at] = rng.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => (byte)rng.Next(256) };
            }
            OpenAndReadAll(bytes);
        }
    }
}
