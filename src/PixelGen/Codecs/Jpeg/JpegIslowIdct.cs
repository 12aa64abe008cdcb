using System.Runtime.CompilerServices;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// The IJG "islow" integer inverse DCT (libjpeg 6b / libjpeg-turbo <c>jidctint.c</c>, Loeffler–Ligtenberg–Moschytz
/// with 13-bit constants): same constants, same rounding, same range-limit table, so the samples equal libjpeg's
/// (GDCM, dcmtk, the corpus references) bit for bit. Input is dequantised, in natural order; output is level-shifted
/// and clamped like libjpeg's <c>range_limit[x &amp; RANGE_MASK]</c> (wrapping only for absurd coefficients).
/// </summary>
internal static class JpegIslowIdct
{
    private const int ConstBits = 13;
    private const int Fix_0_298631336 = 2446, Fix_0_390180644 = 3196, Fix_0_541196100 = 4433, Fix_0_765366865 = 6270;
    private const int Fix_0_899976223 = 7373, Fix_1_175875602 = 9633, Fix_1_501321110 = 12299, Fix_1_847759065 = 15137;
    private const int Fix_1_961570560 = 16069, Fix_2_053119869 = 16819, Fix_2_562915447 = 20995, Fix_3_072711026 = 25172;

    private static readonly short[] Limit8 = BuildRangeLimit(8);
    private static readonly short[] Limit12 = BuildRangeLimit(12);

    /// <summary>libjpeg's post-IDCT table (jdmaster.c prepare_range_limit_table), indexed by x &amp; (4·2^P − 1).</summary>
    private static short[] BuildRangeLimit(int precision)
    {
        int n = 1 << precision, centre = n / 2;
        var t = new short[4 * n];
        for (int i = 0; i < t.Length; i++)
            t[i] = (short)(i < centre ? i + centre : i < 2 * n ? n - 1 : i < 4 * n - centre ? 0 : i - (4 * n - centre));
        return t;
    }

    /// <summary>Range-limit table for the precision (8 or 12).</summary>
    public static short[] RangeLimit(int precision) => precision == 8 ? Limit8 : Limit12;

    /// <summary>
    /// Transforms one block (64 dequantised coefficients, natural order) into 8 rows of 8 samples at
    /// <paramref name="output"/>, <paramref name="stride"/> apart. <paramref name="workspace"/> holds 64 ints.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(ReadOnlySpan<int> block, Span<int> workspace, Span<short> output, int stride, int precision)
    {
        int pass1 = precision == 8 ? 2 : 1;
        short[] limit = precision == 8 ? Limit8 : Limit12;
        int mask = limit.Length - 1;
        block = block[..64];
        workspace = workspace[..64];
        _ = output[7 * stride + 7];

        int shift1 = ConstBits - pass1, round1 = 1 << (shift1 - 1);
        for (int c = 0; c < 8; c++)
        {
            if ((block[8 + c] | block[16 + c] | block[24 + c] | block[32 + c] | block[40 + c] | block[48 + c] | block[56 + c]) == 0)
            {
                int dc = block[c] << pass1;
                for (int r = 0; r < 8; r++) workspace[8 * r + c] = dc;
                continue;
            }
            Butterfly(block[c], block[8 + c], block[16 + c], block[24 + c], block[32 + c], block[40 + c], block[48 + c], block[56 + c],
                out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
            workspace[c] = (o0 + round1) >> shift1;
            workspace[8 + c] = (o1 + round1) >> shift1;
            workspace[16 + c] = (o2 + round1) >> shift1;
            workspace[24 + c] = (o3 + round1) >> shift1;
            workspace[32 + c] = (o4 + round1) >> shift1;
            workspace[40 + c] = (o5 + round1) >> shift1;
            workspace[48 + c] = (o6 + round1) >> shift1;
            workspace[56 + c] = (o7 + round1) >> shift1;
        }

        int shift2 = ConstBits + pass1 + 3, round2 = 1 << (shift2 - 1);
        int shiftDc = pass1 + 3, roundDc = 1 << (shiftDc - 1);
        for (int r = 0; r < 8; r++)
        {
            var w = workspace.Slice(8 * r, 8);
            var o = output.Slice(r * stride, 8);
            if ((w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) == 0)
            {
                short v = limit[((w[0] + roundDc) >> shiftDc) & mask];
                o.Fill(v);
                continue;
            }
            Butterfly(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
                out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
            o[0] = limit[((o0 + round2) >> shift2) & mask];
            o[1] = limit[((o1 + round2) >> shift2) & mask];
            o[2] = limit[((o2 + round2) >> shift2) & mask];
            o[3] = limit[((o3 + round2) >> shift2) & mask];
            o[4] = limit[((o4 + round2) >> shift2) & mask];
            o[5] = limit[((o5 + round2) >> shift2) & mask];
            o[6] = limit[((o6 + round2) >> shift2) & mask];
            o[7] = limit[((o7 + round2) >> shift2) & mask];
        }
    }

    /// <summary>One 8-point pass of jidctint.c before descaling (outputs scaled by 2^13).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7,
        out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7)
    {
        // Even part.
        int z1 = (i2 + i6) * Fix_0_541196100;
        int tmp2 = z1 + i6 * -Fix_1_847759065;
        int tmp3 = z1 + i2 * Fix_0_765366865;
        int tmp0 = (i0 + i4) << ConstBits;
        int tmp1 = (i0 - i4) << ConstBits;
        int tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;

        // Odd part.
        tmp0 = i7; tmp1 = i5; tmp2 = i3; tmp3 = i1;
        z1 = tmp0 + tmp3;
        int z2 = tmp1 + tmp2, z3 = tmp0 + tmp2, z4 = tmp1 + tmp3;
        int z5 = (z3 + z4) * Fix_1_175875602;
        tmp0 *= Fix_0_298631336;
        tmp1 *= Fix_2_053119869;
        tmp2 *= Fix_3_072711026;
        tmp3 *= Fix_1_501321110;
        z1 *= -Fix_0_899976223;
        z2 *= -Fix_2_562915447;
        z3 *= -Fix_1_961570560;
        z4 *= -Fix_0_390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        o0 = tmp10 + tmp3; o7 = tmp10 - tmp3;
        o1 = tmp11 + tmp2; o6 = tmp11 - tmp2;
        o2 = tmp12 + tmp1; o5 = tmp12 - tmp1;
        o3 = tmp13 + tmp0; o4 = tmp13 - tmp0;
    }
}
