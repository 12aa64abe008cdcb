using PixelGen.Codecs.Jpeg;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>
/// The 8-bit fast paths (fused 4:2:2 upsample + interleave, direct Y plane) must equal the general path
/// (upsampler rows + sample writer), which 16-bit output takes: same values, widened.
/// </summary>
public sealed class JpegInterleavePathTests
{
    [Theory]
    [InlineData("dct_rgb_422")]
    [InlineData("dct_rgb_422_restart")]
    [InlineData("dct_rgb_420")]
    [InlineData("dct_rgb_444")]
    public void Fast_8bit_output_equals_general_path(string name)
    {
        Compare(name, JpegBaselineDecoder.Instance);
        Compare(name, JpegBaselineDecoder.RgbInstance);
    }

    private static void Compare(string name, JpegBaselineDecoder decoder)
    {
        var (w, h, _, _) = JpegFixtures.ReadPnm(name + ".djpeg.pnm");
        var stream = JpegFixtures.Read(name + ".jpg");
        var fast = new FrameLayout { Rows = h, Columns = w, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "YBR_FULL_422", Kind = PixelDataKind.Integer };
        var general = fast with { BitsAllocated = 16 };
        var a = new byte[fast.DecodedFrameLength];
        var b = new byte[general.DecodedFrameLength];
        decoder.Decode(stream, a, fast);
        decoder.Decode(stream, b, general);
        for (int i = 0; i < a.Length; i++) Assert.Equal(b[2 * i] | (b[2 * i + 1] << 8), a[i]);
    }
}
