using System.Text.Json;
using PixelGen.Tests.Support;
using static PixelGen.Tests.Support.Cli;
using SkiaSharp;

namespace PixelGen.Tests.Transforms;

/// <summary>The <c>transform</c> and <c>render</c> verbs on corpus files, end to end (parse, decode, transform, write).</summary>
public class CliTransformCommandTests
{
    // Native and RLE files (decoded by the built-in decoders). mlut_18 is compared with the Bits Stored-aware
    // reference: PixelGen's decoders mask bits above High Bit, pydicom 2.3.1 did not (see the corpus README).
    [Theory]
    [InlineData("CT_small.dcm", "modality_lut", "modality_lut")]
    [InlineData("CT_small.dcm", "modality_lut+voi_lut", "modality_lut+voi_lut")]
    [InlineData("mlut_18.dcm", "modality_lut", "modality_lut@bits_stored_masked")]
    [InlineData("vlut_04.dcm", "voi_lut", "voi_lut")]
    [InlineData("MR-SIEMENS-DICOM-WithOverlays.dcm", "voi_lut", "voi_lut")]
    [InlineData("OBXXXX1A.dcm", "color_lut", "color_lut")]
    [InlineData("OBXXXX1A_2frame.dcm", "color_lut", "color_lut")]
    [InlineData("OT-PAL-8-face.dcm", "color_lut", "color_lut")]
    [InlineData("gdcm-US-ALOKA-16.dcm", "color_lut", "color_lut")]
    [InlineData("SC_ybr_full_uncompressed.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_ybr_full_422_uncompressed.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    // JPEG baseline files: PixelGen's own DCT decoder returns YBR_FULL as stored (bit-exact with libjpeg, which
    // the references' decoder used), then the CLI converts: so these check decoder and conversion together.
    [InlineData("SC_rgb_small_odd_jpeg.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_rgb_jpeg_dcmtk.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_rgb_jpeg_lossy_gdcm.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+n1.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+n2.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+np.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+s2.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+s4.dcm", "ybr_full_to_rgb", "ybr_full_to_rgb")]
    public void Transform_writes_the_reference_result(string file, string apply, string referenceId)
    {
        if (!Corpus.Available) return;
        var entry = TransformReference.Entry(file, referenceId);
        var outPath = Path.Combine(Path.GetTempPath(), $"pixelgen-xform-{Guid.NewGuid():N}.raw");
        try
        {
            var (code, output, err) = Run("transform", Corpus.FilePath(file), "--apply", apply, "--out", outPath);
            Assert.True(code == 0, err);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(entry.GetProperty("dtype").GetString(), json.RootElement.GetProperty("dtype").GetString());
            Assert.Equal(entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()), json.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(entry.GetProperty("sha256").GetString(), Corpus.Sha256(File.ReadAllBytes(outPath)));
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    [Fact]
    public void Transform_applies_a_well_known_palette_and_rejects_bad_arguments()
    {
        if (!Corpus.Available) return;
        var outPath = Path.Combine(Path.GetTempPath(), $"pixelgen-xform-{Guid.NewGuid():N}.raw");
        try
        {
            var (code, output, _) = Run("transform", Corpus.FilePath("OBXXXX1A.dcm"), "--apply", "palette:PET", "--out", outPath);
            Assert.Equal(0, code);
            Assert.Equal("{\"dtype\": \"uint8\", \"shape\": [600, 800, 3]}", output.Trim());
            Assert.Equal(600 * 800 * 3, new FileInfo(outPath).Length);
        }
        finally
        {
            File.Delete(outPath);
        }
        Assert.Equal(2, Run("transform", Corpus.FilePath("OBXXXX1A.dcm"), "--out", outPath).Code);
        Assert.Equal(2, Run("transform", Corpus.FilePath("OBXXXX1A.dcm"), "--apply", "color_lut", "--out", outPath, "--index", "x").Code);
    }

    // A YBR_FULL JPEG rendered to PNG carries exactly pydicom's YBR → RGB result (PNG is lossless).
    [Theory]
    [InlineData("SC_rgb_jpeg_dcmtk.dcm")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+s2.dcm")]
    [InlineData("SC_ybr_full_uncompressed.dcm")]
    public void Render_of_a_ybr_frame_holds_the_reference_rgb_pixels(string file)
    {
        if (!Corpus.Available) return;
        var entry = TransformReference.Entry(file, "ybr_full_to_rgb");
        var png = Path.Combine(Path.GetTempPath(), $"pixelgen-render-{Guid.NewGuid():N}.png");
        try
        {
            var (code, _, err) = Run("render", Corpus.FilePath(file), "--frame", "0", "--out", png);
            Assert.True(code == 0, err);
            using var bitmap = SKBitmap.Decode(png);
            var rgb = new byte[bitmap.Width * bitmap.Height * 3];
            for (int y = 0, k = 0; y < bitmap.Height; y++)
                for (int x = 0; x < bitmap.Width; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    rgb[k++] = c.Red; rgb[k++] = c.Green; rgb[k++] = c.Blue;
                }
            Assert.Equal(entry.GetProperty("sha256").GetString(), Corpus.Sha256(rgb));
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Theory]
    [InlineData("MR-SIEMENS-DICOM-WithOverlays.dcm", new string[0], 484, 484)]
    [InlineData("CT_small.dcm", new[] { "--window", "40,400" }, 128, 128)]
    [InlineData("OBXXXX1A.dcm", new string[0], 800, 600)]
    [InlineData("SC_ybr_full_422_uncompressed.dcm", new string[0], 100, 100)]
    public void Render_writes_a_png_of_the_frame_size(string file, string[] extra, int width, int height)
    {
        if (!Corpus.Available) return;
        var png = Path.Combine(Path.GetTempPath(), $"pixelgen-render-{Guid.NewGuid():N}.png");
        try
        {
            var (code, _, err) = Run(["render", Corpus.FilePath(file), "--frame", "0", "--out", png, .. extra]);
            Assert.True(code == 0, err);
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.Equal(width, bitmap.Width);
            Assert.Equal(height, bitmap.Height);
            // Not a blank image: the rendered frame has contrast.
            var colours = new HashSet<uint>();
            for (int y = 0; y < height; y += 7)
                for (int x = 0; x < width; x += 7)
                    colours.Add((uint)bitmap.GetPixel(x, y));
            Assert.True(colours.Count > 8, $"only {colours.Count} distinct colours");
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void Render_rejects_a_frame_out_of_range()
    {
        if (!Corpus.Available) return;
        var (code, _, err) = Run("render", Corpus.FilePath("CT_small.dcm"), "--frame", "3", "--out", Path.Combine(Path.GetTempPath(), "never.png"));
        Assert.Equal(2, code);
        Assert.Contains("out of range", err);
    }
}
