using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

/// <summary>Transcoding synthetic files (no corpus needed): every syntax pair, layouts that need care.</summary>
public class TranscoderTests
{
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in Transcoder.Targets)
            foreach (var b in Transcoder.Targets)
                if (a != b) data.Add(a.Uid, b.Uid);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void SignedTwelveBitMultiFrameSurvivesEveryPair(string fromUid, string toUid)
    {
        var ds = TestData.Image(5, 7, frames: 3);
        var values = new short[3 * 5 * 7];
        for (int i = 0; i < values.Length; i++) values[i] = (short)((i * 97 % 4096) - 2048);
        ds.SetPixelData(values, new PixelArrayShape(3, 5, 7), new SetPixelDataOptions { BitsStored = 12 });
        var source = Via(ds, TransferSyntax.FromUid(fromUid));
        using var reader = WrittenFiles.Open(source);
        string expected = WrittenFiles.DecodedHash(reader);

        var written = WrittenFiles.Transcode(reader, TransferSyntax.FromUid(toUid));
        using var result = WrittenFiles.Open(written);
        Assert.Equal(toUid, result.TransferSyntax.Uid);
        Assert.Equal(expected, WrittenFiles.DecodedHash(result));
        Assert.Equal(3, result.NumberOfFrames);
        Assert.Equal("Doe^Jane", result.Dataset!.GetString(TestData.PatientName));
        Assert.Equal(12, result.Layout.BitsStored);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ColourFramesKeepTheirPixelsAndBecomeInterleavedWhenDecoded(int planar)
    {
        var ds = TestData.Image();
        var rgb = new byte[2 * 3 * 4 * 3];
        for (int i = 0; i < rgb.Length; i++) rgb[i] = (byte)(i * 7);
        ds.SetPixelData(rgb, new PixelArrayShape(2, 3, 4, 3));
        if (planar == 1)
        {
            // Store planar by hand: R plane, G plane, B plane per frame.
            var planes = new byte[rgb.Length];
            for (int f = 0; f < 2; f++)
                for (int p = 0; p < 12; p++)
                    for (int s = 0; s < 3; s++) planes[f * 36 + s * 12 + p] = rgb[f * 36 + p * 3 + s];
            ds.SetPlanarConfiguration(1);
            ds.SetPixelDataBytes(planes);
        }
        using var reader = WrittenFiles.Open(Via(ds, TransferSyntax.ExplicitVRLittleEndian));
        string expected = WrittenFiles.DecodedHash(reader);
        using var rle = WrittenFiles.Open(WrittenFiles.Transcode(reader, TransferSyntax.RleLossless));
        Assert.Equal(expected, WrittenFiles.DecodedHash(rle));
        using var native = WrittenFiles.Open(WrittenFiles.Transcode(rle, TransferSyntax.ExplicitVRBigEndian));
        Assert.Equal(expected, WrittenFiles.DecodedHash(native));
        Assert.Equal(0, native.Layout.PlanarConfiguration); // decoded RLE frames are interleaved
    }

    [Fact]
    public void RleToRleCopiesFragmentsByteForByte()
    {
        using var reader = WrittenFiles.Open(Via(TestData.Image(4, 4, frames: 2), TransferSyntax.RleLossless));
        using var again = WrittenFiles.Open(WrittenFiles.Transcode(reader, TransferSyntax.RleLossless));
        Assert.Equal(WrittenFiles.RawFrames(reader), WrittenFiles.RawFrames(again));
    }

    [Fact]
    public void UnsupportedTargetsAreRefused()
    {
        using var reader = WrittenFiles.Open(Via(TestData.Image(), TransferSyntax.ExplicitVRLittleEndian));
        Assert.Throws<PixelGenException>(() => Transcoder.Prepare(reader, TransferSyntax.JpegBaseline8Bit));
        var floats = TestData.Image();
        floats.SetPixelData(new float[4], PixelArrayShape.Single(2, 2));
        using var f = WrittenFiles.Open(Via(floats, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Throws<PixelGenException>(() => Transcoder.Prepare(f, TransferSyntax.RleLossless));
    }

    [Fact]
    public void TranscodeToAPathIsAtomic()
    {
        var folder = Directory.CreateTempSubdirectory("pixelgen-tc-").FullName;
        try
        {
            var path = Path.Combine(folder, "out.dcm");
            using var reader = WrittenFiles.Open(Via(TestData.Image(8, 8, frames: 2), TransferSyntax.ExplicitVRLittleEndian));
            Transcoder.Transcode(reader, path, TransferSyntax.RleLossless);
            using var rle = FrameReader.Open(path);
            Assert.Equal(TransferSyntax.RleLossless, rle.TransferSyntax);
            Assert.Single(Directory.GetFiles(folder));
        }
        finally { Directory.Delete(folder, true); }
    }

    /// <summary>The file bytes of <paramref name="ds"/> in <paramref name="ts"/> (RLE made through the transcoder).</summary>
    internal static byte[] Via(MutableDicomDataset ds, TransferSyntax ts)
    {
        if (!ts.IsEncapsulated) return TestData.Write(ds, ts);
        using var native = WrittenFiles.Open(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        return WrittenFiles.Transcode(native, ts);
    }
}
