using PixelGen.Codecs.JpegLs;

namespace PixelGen.Tests.Codecs.JpegLs;

/// <summary>Damaged JPEG-LS streams fail with PixelDataException, never another exception or an out-of-range access.</summary>
public class JpegLsCorruptStreamTests
{
    private static (byte[] Bytes, PixelGen.Pixels.FrameLayout Layout) Fixture(string name)
    {
        var c = JpegLsFixtureTests.Cases().Single(k => k.Name == name);
        return (File.ReadAllBytes(JpegLsFixtureTests.FixturePath(name + ".jls")), JpegLsFixtureTests.LayoutFor(c));
    }

    [Theory]
    [InlineData("mono16_lossless")]
    [InlineData("rgb8_ilv0")]
    [InlineData("rgb8_ilv2_near1")]
    public void Every_truncation_fails_cleanly(string name)
    {
        var (bytes, layout) = Fixture(name);
        var dest = new byte[layout.DecodedFrameLength];
        // Dropping the EOI alone is tolerated (all scans complete); any shorter prefix must fail.
        for (int n = 0; n < bytes.Length - 2; n++)
            Assert.ThrowsAny<PixelDataException>(() => JpegLsCodec.Instance.Decode(bytes.AsSpan(0, n), dest, layout));
    }

    [Theory]
    [InlineData("mono8_lossless")]
    [InlineData("mono16_near3")]
    [InlineData("rgb8_ilv1")]
    public void Random_byte_damage_decodes_or_fails_cleanly(string name)
    {
        var (bytes, layout) = Fixture(name);
        var dest = new byte[layout.DecodedFrameLength];
        var random = new Random(1234);
        int failures = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            int count = 1 + random.Next(4);
            for (int i = 0; i < count; i++) damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            try
            {
                JpegLsCodec.Instance.Decode(damaged, dest, layout);
            }
            catch (PixelDataException)
            {
                failures++;
            }
        }
        Assert.True(failures > 0);
    }

    [Fact]
    public void Dimensions_that_disagree_with_rows_and_columns_are_rejected()
    {
        var (bytes, layout) = Fixture("mono8_lossless");
        var e = Assert.Throws<PixelDataException>(() => JpegLsCodec.Instance.Decode(bytes, new byte[layout.DecodedFrameLength * 2], layout with { Rows = layout.Rows + 1 }));
        Assert.Contains("Columns/Rows", e.Message);
        Assert.Throws<PixelDataException>(() => JpegLsCodec.Instance.Decode(bytes, new byte[layout.DecodedFrameLength * 3], layout with { SamplesPerPixel = 3, PhotometricInterpretation = "RGB" }));
    }

    [Fact]
    public void Other_jpeg_processes_and_garbage_are_rejected()
    {
        var layout = new PixelGen.Pixels.FrameLayout { Rows = 8, Columns = 8, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var dest = new byte[64];
        // Baseline JPEG SOF0.
        byte[] sof0 = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9];
        Assert.Contains("another JPEG process", Assert.Throws<PixelDataException>(() => JpegLsCodec.Instance.Decode(sof0, dest, layout)).Message);
        Assert.Throws<PixelDataException>(() => JpegLsCodec.Instance.Decode([1, 2, 3, 4], dest, layout));
        Assert.Throws<PixelDataException>(() => JpegLsCodec.Instance.Decode([], dest, layout));
        // SOF55 whose segment length runs past the data.
        byte[] longSegment = [0xFF, 0xD8, 0xFF, 0xF7, 0x7F, 0xFF, 0x08];
        Assert.Throws<PixelDataException>(() => JpegLsCodec.Instance.Decode(longSegment, dest, layout));
    }

    [Fact]
    public void Precision_above_bits_allocated_is_rejected()
    {
        var (bytes, layout) = Fixture("mono12_lossless");
        Assert.Throws<PixelDataException>(() => JpegLsCodec.Instance.Decode(bytes, new byte[layout.DecodedFrameLength], layout with { BitsAllocated = 8, BitsStored = 8, HighBit = 7 }));
    }
}
