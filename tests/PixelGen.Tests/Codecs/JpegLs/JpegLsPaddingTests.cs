using PixelGen.Codecs.JpegLs;

namespace PixelGen.Tests.Codecs.JpegLs;

/// <summary>Bytes DICOM puts around a JPEG-LS stream that are not damage.</summary>
public class JpegLsPaddingTests
{
    [Fact]
    public void Pad_byte_after_EOI_and_fill_bytes_before_markers_are_accepted()
    {
        var c = JpegLsFixtureTests.Cases().Single(k => k.Name == "rgb8_ilv0");
        var layout = JpegLsFixtureTests.LayoutFor(c);
        var bytes = File.ReadAllBytes(JpegLsFixtureTests.FixturePath(c.Name + ".jls"));
        var decoded = new byte[layout.DecodedFrameLength];

        JpegLsCodec.Instance.Decode([.. bytes, 0x00], decoded, layout);
        Assert.Equal(c.Sha256, PixelGen.Tests.Support.Corpus.Sha256(decoded));

        // dcmtk's "+ps" padding writes an extra 0xFF before EOI (a fill byte).
        JpegLsCodec.Instance.Decode([.. bytes[..^2], 0xFF, 0xFF, 0xD9], decoded, layout);
        Assert.Equal(c.Sha256, PixelGen.Tests.Support.Corpus.Sha256(decoded));
    }
}
