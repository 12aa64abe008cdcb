using PixelGen.Codecs.Jpeg;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>
/// The islow IDCT: the vector path (used where AVX2 exists) must equal the scalar transcription of jidctint.c on
/// any input, including coefficients large enough to hit libjpeg's wrapping range-limit table; plus hand-worked values.
/// </summary>
public sealed class JpegIslowIdctTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    public void Vector_path_equals_scalar_path(int precision)
    {
        var rng = new Random(precision);
        var block = new int[64];
        var ws = new int[64];
        var a = new short[8 * 16];
        var b = new short[8 * 16];
        for (int trial = 0; trial < 20000; trial++)
        {
            int limit = trial % 4 switch { 0 => 64, 1 => 1024, 2 => 1 << 14, _ => 1 << 20 };
            int density = rng.Next(1, 65);
            Array.Clear(block);
            for (int i = 0; i < density; i++) block[rng.Next(i == 0 ? 1 : 64)] = rng.Next(-limit, limit + 1);
            Array.Fill(a, (short)-1);
            Array.Fill(b, (short)-1);
            JpegIslowIdct.Transform(block, ws, a, 16, precision);
            JpegIslowIdct.TransformScalar(block, ws, b, 16, precision);
            Assert.Equal(b, a);
        }
    }

    [Fact]
    public void Dc_only_block_is_flat_and_level_shifted()
    {
        var block = new int[64];
        var ws = new int[64];
        var o = new short[64];
        block[0] = 80; // 8-bit: (80 << 2 + 16) >> 5 = 10, + 128
        JpegIslowIdct.Transform(block, ws, o, 8, 8);
        Assert.All(o, v => Assert.Equal(138, v));
        block[0] = 8 * 400; // x = 400, above the maximum: 255 (range-limit table)
        JpegIslowIdct.Transform(block, ws, o, 8, 8);
        Assert.All(o, v => Assert.Equal(255, v));
        block[0] = -8 * 400;
        JpegIslowIdct.Transform(block, ws, o, 8, 8);
        Assert.All(o, v => Assert.Equal(0, v));
        block[0] = 8 * 1000; // x = 1000: libjpeg's table wraps (1000 & 1023 ≥ 896) to 1000 − 896 = 104
        JpegIslowIdct.Transform(block, ws, o, 8, 8);
        Assert.All(o, v => Assert.Equal(104, v));
    }

    [Fact]
    public void Single_ac_coefficient_matches_hand_computed_row()
    {
        // Coefficient (0,1) = 100: pass 1 keeps row 0 = 100 << 2 = 400 in column 1; pass 2 row: odd part only.
        var block = new int[64];
        var ws = new int[64];
        var o = new short[64];
        block[1] = 100;
        JpegIslowIdct.TransformScalar(block, ws, o, 8, 8);
        // Expected rows from an independent Python transcription of jidctint.c (8-bit, CONST_BITS 13, PASS1_BITS 2).
        short[] expected = [145, 143, 138, 131, 125, 118, 113, 111];
        for (int r = 0; r < 8; r++) Assert.Equal(expected, o.AsSpan(8 * r, 8).ToArray());
    }

    [Fact]
    public void Mixed_block_matches_independent_transcription()
    {
        var block = new int[64];
        var ws = new int[64];
        var o = new short[64];
        block[0] = -40; block[9] = -55; block[2] = 23; block[17] = 12; block[63] = 7;
        JpegIslowIdct.Transform(block, ws, o, 8, 8);
        short[] expected =
        [
            116, 115, 116, 117, 122, 127, 134, 137, 116, 117, 115, 118, 120, 128, 133, 137,
            118, 116, 118, 116, 122, 125, 133, 135, 121, 121, 117, 120, 119, 126, 128, 132,
            127, 124, 123, 118, 121, 120, 126, 127, 133, 131, 124, 122, 117, 119, 118, 121,
            139, 134, 129, 121, 118, 114, 115, 114, 143, 138, 130, 123, 116, 113, 111, 111,
        ];
        Assert.Equal(expected, o);
    }
}
