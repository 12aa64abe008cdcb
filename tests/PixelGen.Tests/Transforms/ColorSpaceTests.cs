using PixelGen.Tests.Support;
using PixelGen.Transforms;

namespace PixelGen.Tests.Transforms;

public class ColorSpaceTests
{
    // SHA-256 of pydicom 2.3.1 (numpy 1.24.2) convert_color_space over every 8-bit triple, laid out
    // [a][b][c] with c fastest, computed once with:
    //   y,cb,cr = np.meshgrid(*[np.arange(256)]*3, indexing='ij'); arr = np.stack([y,cb,cr],-1).astype(np.uint8)
    //   hashlib.sha256(convert_color_space(arr, 'YBR_FULL', 'RGB').tobytes())   (and 'RGB' -> 'YBR_FULL')
    private const string PydicomYbrToRgbAll = "a1c61ab64b9379c1e665124ded9552fae34bce18e20e7495e5f90a472f35f601";
    private const string PydicomRgbToYbrAll = "c937bc28feeb365125320332cec99236185d623169cc3fd6dc37dc58194b973f";

    private static byte[] AllTriples()
    {
        var a = new byte[256 * 256 * 256 * 3];
        int k = 0;
        for (int x = 0; x < 256; x++)
            for (int y = 0; y < 256; y++)
                for (int z = 0; z < 256; z++)
                {
                    a[k++] = (byte)x; a[k++] = (byte)y; a[k++] = (byte)z;
                }
        return a;
    }

    [Fact]
    public void Ybr_full_to_rgb_8bit_equals_pydicom_for_every_input_vectorised()
    {
        var a = AllTriples();
        ColorSpace.YbrFullToRgb(a);
        Assert.Equal(PydicomYbrToRgbAll, Corpus.Sha256(a));
    }

    [Fact]
    public void Ybr_full_to_rgb_8bit_equals_pydicom_for_every_input_scalar()
    {
        var a = AllTriples();
        ColorSpace.YbrFullToRgbScalar(a, a);
        Assert.Equal(PydicomYbrToRgbAll, Corpus.Sha256(a));
    }

    [Fact]
    public void Rgb_to_ybr_full_8bit_equals_pydicom_for_every_input()
    {
        var a = AllTriples();
        ColorSpace.RgbToYbrFull(a);
        Assert.Equal(PydicomRgbToYbrAll, Corpus.Sha256(a));
    }

    [Fact]
    public void Into_separate_buffer_equals_in_place_and_handles_odd_pixel_counts()
    {
        var rng = new Random(7);
        var src = new byte[3 * 1001];
        rng.NextBytes(src);
        var dst = new byte[src.Length];
        ColorSpace.YbrFullToRgb(src, dst);
        var copy = (byte[])src.Clone();
        ColorSpace.YbrFullToRgbScalar(copy, copy);
        Assert.Equal(copy, dst);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(12)]
    [InlineData(10)]
    public void Rgb_ybr_rgb_16bit_round_trip_within_one(int bits)
    {
        var rng = new Random(bits);
        int max = (1 << bits) - 1;
        var rgb = new ushort[3 * 20000];
        for (int i = 0; i < rgb.Length; i++) rgb[i] = (ushort)rng.Next(max + 1);
        // Corners of the cube too.
        ushort[] corners = [0, 0, 0, (ushort)max, (ushort)max, (ushort)max, (ushort)max, 0, 0, 0, (ushort)max, 0, 0, 0, (ushort)max];
        corners.CopyTo(rgb, 0);
        var work = (ushort[])rgb.Clone();
        ColorSpace.RgbToYbrFull(work, bits);
        Assert.All(work, v => Assert.InRange(v, 0, max));
        ColorSpace.YbrFullToRgb(work, bits);
        for (int i = 0; i < rgb.Length; i++)
            Assert.True(Math.Abs(rgb[i] - work[i]) <= 1, $"sample {i}: {rgb[i]} came back as {work[i]}");
    }

    [Fact]
    public void Ybr_16bit_grey_maps_to_grey()
    {
        ushort[] px = [1000, 32768, 32768, 65535, 32768, 32768];
        ColorSpace.YbrFullToRgb(px, 16);
        Assert.Equal(new ushort[] { 1000, 1000, 1000, 65535, 65535, 65535 }, px);
    }

    [Fact]
    public void Subsampled_422_expands_each_chroma_pair_to_two_pixels()
    {
        byte[] src = [10, 200, 128, 128, 50, 60, 100, 160];
        var dst = new byte[12];
        ColorSpace.YbrFull422ToRgb(src, dst);
        byte[] expected = [10, 128, 128, 200, 128, 128, 50, 100, 160, 60, 100, 160];
        ColorSpace.YbrFullToRgb(expected);
        Assert.Equal(expected, dst);

        ushort[] src16 = [1000, 2000, 32768, 40000];
        var dst16 = new ushort[6];
        ColorSpace.YbrFull422ToRgb(src16, dst16);
        ushort[] expected16 = [1000, 32768, 40000, 2000, 32768, 40000];
        ColorSpace.YbrFullToRgb(expected16);
        Assert.Equal(expected16, dst16);
    }

    [Fact]
    public void Ybr_partial_round_trip_within_two_and_black_white_exact()
    {
        var rng = new Random(3);
        var rgb = new byte[3 * 5000];
        rng.NextBytes(rgb);
        var work = (byte[])rgb.Clone();
        ColorSpace.RgbToYbrPartial(work);
        for (int i = 0; i < work.Length; i += 3)
        {
            Assert.InRange(work[i], 16, 235);
            Assert.InRange(work[i + 1], 16, 240);
            Assert.InRange(work[i + 2], 16, 240);
        }
        ColorSpace.YbrPartialToRgb(work);
        for (int i = 0; i < rgb.Length; i++) Assert.True(Math.Abs(rgb[i] - work[i]) <= 2, $"sample {i}: {rgb[i]} -> {work[i]}");
        byte[] bw = [16, 128, 128, 235, 128, 128];
        ColorSpace.YbrPartialToRgb(bw);
        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255 }, bw);
    }

    [Fact]
    public void Bad_lengths_raise_pixel_data_exception()
    {
        Assert.Throws<PixelDataException>(() => ColorSpace.YbrFullToRgb(new byte[4]));
        Assert.Throws<PixelDataException>(() => ColorSpace.YbrFullToRgb(new ushort[5]));
        Assert.Throws<PixelDataException>(() => ColorSpace.YbrFull422ToRgb(new byte[6], new byte[9]));
    }
}
