using PixelGen.Codecs.Jpeg;
using PixelGen.Layout;
using PixelGen.Pixels;
using Xunit.Abstractions;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>
/// DCT-based streams from cjpeg (4:2:0, 4:2:2, 4:4:4, progressive, restart markers, grey; odd 45x37 size) decoded with
/// the RGB option and compared with djpeg's RGB. Tolerance 2: djpeg uses libjpeg's integer IDCT, JpegLibrary a float
/// one (±1 per sample, as on the corpus); the YCbCr → RGB step can add one more unit of rounding. The upsampling and
/// colour arithmetic are libjpeg's, so nothing else should differ.
/// </summary>
public sealed class JpegDctFixtureTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names() => new("dct_rgb_420", "dct_rgb_422", "dct_rgb_444", "dct_rgb_420_progressive", "dct_rgb_422_restart", "dct_gray");

    private static FrameLayout Layout(string name, int w, int h, int channels) => new()
    {
        Rows = h, Columns = w, SamplesPerPixel = channels, BitsAllocated = 8, BitsStored = 8, HighBit = 7,
        PhotometricInterpretation = channels == 1 ? "MONOCHROME2" : name.Contains("444") ? "YBR_FULL" : "YBR_FULL_422",
        Kind = PixelDataKind.Integer,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Rgb_option_matches_djpeg(string name)
    {
        var (w, h, ch, expected) = JpegFixtures.ReadPnm(name + ".djpeg.pnm");
        var layout = Layout(name, w, h, ch);
        var dest = new byte[layout.DecodedFrameLength];
        JpegBaselineDecoder.RgbInstance.Decode(JpegFixtures.Read(name + ".jpg"), dest, layout);
        var (max, at, mean) = CorpusFrameSlices.MaxAbsDifference(dest, expected, layout);
        output.WriteLine($"{name}: max |diff| {max} at {at}, mean {mean:F4}");
        Assert.True(max <= 2, $"{name}: max |diff| {max} at element {at}");
        Assert.Equal(ch == 3 ? "RGB" : "MONOCHROME2", JpegBaselineDecoder.RgbInstance.DecodedPhotometricInterpretation(layout));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void As_stored_then_converted_equals_rgb_option(string name)
    {
        var (w, h, ch, _) = JpegFixtures.ReadPnm(name + ".djpeg.pnm");
        var layout = Layout(name, w, h, ch);
        var stream = JpegFixtures.Read(name + ".jpg");
        var ybr = new byte[layout.DecodedFrameLength];
        var rgb = new byte[layout.DecodedFrameLength];
        JpegBaselineDecoder.Instance.Decode(stream, ybr, layout);
        JpegBaselineDecoder.RgbInstance.Decode(stream, rgb, layout);
        if (ch == 1) { Assert.Equal(rgb, ybr); return; }
        Assert.NotEqual(rgb, ybr);
        Assert.Equal("YBR_FULL", JpegBaselineDecoder.Instance.DecodedPhotometricInterpretation(stream, layout));
        int n = w * h;
        int[] y = new int[n], cb = new int[n], cr = new int[n];
        for (int i = 0; i < n; i++) { y[i] = ybr[3 * i]; cb[i] = ybr[3 * i + 1]; cr[i] = ybr[3 * i + 2]; }
        JpegColour.YCbCrToRgb(y, cb, cr, 8);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(rgb[3 * i], (byte)y[i]);
            Assert.Equal(rgb[3 * i + 1], (byte)cb[i]);
            Assert.Equal(rgb[3 * i + 2], (byte)cr[i]);
        }
    }

    [Fact]
    public void Vectorised_and_scalar_colour_transform_agree_on_every_input()
    {
        // 17 lanes: the vector loop and the scalar tail both run. Every Y/Cb/Cr combination on a 5-step grid.
        var ys = new List<int>(); var cbs = new List<int>(); var crs = new List<int>();
        for (int a = 0; a < 256; a += 5) for (int b = 0; b < 256; b += 5) for (int c = 0; c < 256; c += 5) { ys.Add(a); cbs.Add(b); crs.Add(c); }
        int[] y = [.. ys], cb = [.. cbs], cr = [.. crs];
        JpegColour.YCbCrToRgb(y, cb, cr, 8);
        for (int i = 0; i < ys.Count; i++)
        {
            // libjpeg jdcolor.c, written out independently with doubles for the table entries.
            int Y = ys[i], Cb = cbs[i] - 128, Cr = crs[i] - 128;
            int r = Y + (int)Math.Floor((91881.0 * Cr + 32768) / 65536);
            int g = Y + (int)Math.Floor((-22554.0 * Cb - 46802.0 * Cr + 32768) / 65536);
            int bl = Y + (int)Math.Floor((116130.0 * Cb + 32768) / 65536);
            Assert.Equal(Math.Clamp(r, 0, 255), y[i]);
            Assert.Equal(Math.Clamp(g, 0, 255), cb[i]);
            Assert.Equal(Math.Clamp(bl, 0, 255), cr[i]);
        }
    }
}
