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

    // The vectorised YBR_PARTIAL paths equal the scalar path (a one-pixel call is below the vector width) for every input.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ybr_partial_8bit_vectorised_equals_scalar_for_every_input(bool toRgb)
    {
        var all = AllTriples();
        var vector = (byte[])all.Clone();
        if (toRgb) ColorSpace.YbrPartialToRgb(vector); else ColorSpace.RgbToYbrPartial(vector);
        for (int i = 0; i < all.Length; i += 3)
        {
            var one = all.AsSpan(i, 3);
            if (toRgb) ColorSpace.YbrPartialToRgb(one); else ColorSpace.RgbToYbrPartial(one);
            if (!one.SequenceEqual(vector.AsSpan(i, 3)))
                Assert.Fail($"pixel {i / 3}: vector {vector[i]},{vector[i + 1]},{vector[i + 2]} scalar {one[0]},{one[1]},{one[2]}");
        }
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
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(97)]
    [InlineData(512 * 7 + 5)]
    public void Vectorised_equals_scalar_on_random_pixels_in_place_and_into_separate_buffer(int pixels)
    {
        var rng = new Random(pixels + 11);
        var src = new byte[pixels * 3];
        rng.NextBytes(src);
        var expected = (byte[])src.Clone();
        ColorSpace.YbrFullToRgbScalar(expected, expected);

        var original = (byte[])src.Clone();
        var dst = new byte[src.Length + 5]; // longer destination: the tail beyond the source stays untouched
        ColorSpace.YbrFullToRgb(src, dst);
        Assert.Equal(expected, dst[..src.Length]);
        Assert.All(dst[src.Length..], v => Assert.Equal(0, v));
        Assert.Equal(original, src);

        ColorSpace.YbrFullToRgb(src);
        Assert.Equal(expected, src);
    }

    // Chroma pairs near a G rounding boundary (cb'·cr' = −2500, among them the two true ties (178, 78) and
    // (78, 178)) and Cb = 3 / 253 (B's float32 tie), each with every Y, inside whole 32-pixel vector blocks.
    private static byte[] TieTriples()
    {
        var chroma = new List<(int Cb, int Cr)> { (253, 128), (3, 128), (253, 3), (3, 253) };
        for (int cb = 0; cb < 256; cb++)
            for (int cr = 0; cr < 256; cr++)
                if ((cb - 128) * (cr - 128) == -2500) chroma.Add((cb, cr));
        var a = new byte[chroma.Count * 256 * 3];
        int k = 0;
        foreach (var (cb, cr) in chroma)
            for (int y = 0; y < 256; y++)
            {
                a[k++] = (byte)y; a[k++] = (byte)cb; a[k++] = (byte)cr;
            }
        return a;
    }

    [Fact]
    public void Near_tie_pixels_in_vector_blocks_get_pydicoms_float32_result_in_place_and_separate()
    {
        var input = TieTriples();
        Assert.Equal(0, input.Length % 96);
        var expected = (byte[])input.Clone();
        ColorSpace.YbrFullToRgbScalar(expected, expected);

        // These inputs are real ties: rounding the exact (real-number) sum gives other bytes for some of them,
        // so a vector path without the B correction or the G patch would fail here.
        int realDiffers = 0;
        for (int i = 0; i < input.Length; i += 3)
        {
            double y = input[i], cb = input[i + 1] - 128, cr = input[i + 2] - 128;
            double g = y + cb * (double)(float)(-0.114 * 1.772 / 0.587) + cr * (double)(float)(-0.299 * 1.402 / 0.587);
            double b = y + cb * (double)(float)1.772;
            if (Math.Clamp(Math.Floor(g + 0.5), 0, 255) != expected[i + 1]) realDiffers++;
            if (Math.Clamp(Math.Floor(b + 0.5), 0, 255) != expected[i + 2]) realDiffers++;
        }
        Assert.True(realDiffers > 200, $"only {realDiffers} samples differ from real rounding");

        var dst = new byte[input.Length];
        ColorSpace.YbrFullToRgb(input, dst);
        Assert.Equal(expected, dst);
        ColorSpace.YbrFullToRgb(input);
        Assert.Equal(expected, input);
    }

    [Fact]
    public void Fixed_point_coefficients_are_pydicoms_float32_coefficients_and_round_like_real_arithmetic()
    {
        const double scale = 1 << 22;
        double kGb = (float)(-0.114 * 1.772 / 0.587), kGr = (float)(-0.299 * 1.402 / 0.587);
        double kR = (float)1.402, kB = (float)1.772;
        int gb = ColorSpace.GbHi * 128 + ColorSpace.GbLo, gr = ColorSpace.GrHi * 128 + ColorSpace.GrLo;
        Assert.InRange(gb - kGb * scale, -8, 8);
        Assert.InRange(gr - kGr * scale, -8, 8);
        for (int c = -128; c < 128; c++)
        {
            // pmulhrsw: (x·k + 2^14) >> 15.
            Assert.Equal(Math.Floor(c * kR + 0.5), c + ((c * ColorSpace.RMul + 16384) >> 15));
            Assert.Equal(Math.Floor(c * kB + 0.5), c + ((c * ColorSpace.BMul + 16384) >> 15));
        }
        // G: floor(T / 2^22) is the real rounding for every chroma pair but the two true ties, where it is
        // pydicom's result for Y >= 14.
        for (int cb = -128; cb < 128; cb++)
            for (int cr = -128; cr < 128; cr++)
            {
                long t = (long)cb * gb + (long)cr * gr + ColorSpace.GHalf;
                double expected = (cb, cr) switch
                {
                    (50, -50) => 19,
                    (-50, 50) => -18,
                    _ => Math.Floor(cb * kGb + cr * kGr + 0.5),
                };
                Assert.Equal(expected, Math.Floor(t / scale));
            }
    }

    [Fact]
    public void The_Y_dependent_pair_is_fixed_at_every_pixel_position_of_a_vector_block_and_nowhere_else()
    {
        // One (Y, 178, 78) pixel at each of the 32 positions of a 96-byte block (row boundaries included), among
        // random pixels, with Y on both sides of 14, in blocks that are first, middle and last of the run.
        var rng = new Random(178078);
        foreach (int y in new[] { 0, 13, 14, 200 })
            for (int position = 0; position < 32; position++)
            {
                var data = new byte[96 * 5];
                rng.NextBytes(data);
                foreach (int block in new[] { 0, 2, 4 })
                {
                    int at = block * 96 + position * 3;
                    data[at] = (byte)y; data[at + 1] = 178; data[at + 2] = 78;
                }
                var expected = (byte[])data.Clone();
                ColorSpace.YbrFullToRgbScalar(expected, expected);
                ColorSpace.YbrFullToRgb(data);
                Assert.Equal(expected, data);
            }
    }

    [Fact]
    public void Only_the_chroma_pair_178_78_has_a_G_that_depends_on_Y()
    {
        // pydicom's float32 G minus Y, for every Y where nothing clips, is one value per chroma pair except (178, 78).
        var pixel = new byte[3];
        for (int cb = 0; cb < 256; cb++)
            for (int cr = 0; cr < 256; cr++)
            {
                var seen = new HashSet<int>();
                for (int y = 0; y < 256; y++)
                {
                    pixel[0] = (byte)y; pixel[1] = (byte)cb; pixel[2] = (byte)cr;
                    ColorSpace.YbrFullToRgbScalar(pixel, pixel);
                    if (pixel[1] is > 0 and < 255) seen.Add(pixel[1] - y);
                }
                Assert.True(seen.Count <= 1 || ColorSpace.IsYDependentChroma(cb, cr), $"({cb}, {cr}): {string.Join(",", seen)}");
                if (ColorSpace.IsYDependentChroma(cb, cr)) Assert.Equal(new HashSet<int> { 18, 19 }, seen);
            }
    }

    [Fact]
    public void Partially_overlapping_spans_are_rejected()
    {
        var buffer = new byte[3 * 100];
        Assert.Throws<ArgumentException>(() => ColorSpace.YbrFullToRgb(buffer.AsSpan(0, 270), buffer.AsSpan(3, 270)));
        Assert.Throws<ArgumentException>(() => ColorSpace.YbrFullToRgb(buffer.AsSpan(3, 270), buffer.AsSpan(0, 270)));
    }

    [Theory]
    [InlineData(16, 3 * 24 * 100 + 3)]
    [InlineData(12, 3 * 1001)]
    [InlineData(9, 3 * 47)] // 5 vector steps of 8 pixels and a 7-pixel scalar tail
    public void Vectorised_16bit_conversions_equal_the_scalar_float64_path(int bits, int length)
    {
        var rng = new Random(bits * 31 + length);
        int max = (1 << bits) - 1;
        double off = 1 << (bits - 1);
        var data = new ushort[length];
        for (int i = 0; i < data.Length; i++) data[i] = (ushort)rng.Next(max + 1);
        // Extremes, where clamping decides.
        ushort[] edges = [0, 0, 0, (ushort)max, (ushort)max, (ushort)max, 0, (ushort)max, 0, (ushort)max, 0, (ushort)max];
        edges.AsSpan(0, Math.Min(edges.Length, data.Length)).CopyTo(data);

        var vector = (ushort[])data.Clone();
        var scalar = (ushort[])data.Clone();
        ColorSpace.YbrFullToRgb(vector, bits);
        ColorSpace.YbrFullToRgbScalar(scalar, off, max);
        Assert.Equal(scalar, vector);

        ColorSpace.RgbToYbrFull(vector, bits);
        ColorSpace.RgbToYbrFullScalar(scalar, off, max);
        Assert.Equal(scalar, vector);
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
