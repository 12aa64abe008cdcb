using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    public static void Transform(ReadOnlySpan<int> block, Span<int> workspace, Span<short> output, int stride, int precision)
    {
        if (Avx2.IsSupported)
        {
            _ = block[63];
            _ = output[7 * stride + 7];
            TransformAvx2(ref MemoryMarshal.GetReference(block), ref MemoryMarshal.GetReference(output), stride, precision);
        }
        else TransformScalar(block, workspace, output, stride, precision);
    }

    /// <summary>
    /// The same arithmetic eight lanes at a time: lane = column in pass 1, lane = row in pass 2 (after a transpose).
    /// 32-bit wrapping multiplies and arithmetic shifts as in C, so the result is identical to the scalar path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransformAvx2(ref int block, ref short output, int stride, int precision)
    {
        int pass1 = precision == 8 ? 2 : 1;
        var r0 = Vector256.LoadUnsafe(ref block, 0);
        var r1 = Vector256.LoadUnsafe(ref block, 8);
        var r2 = Vector256.LoadUnsafe(ref block, 16);
        var r3 = Vector256.LoadUnsafe(ref block, 24);
        var r4 = Vector256.LoadUnsafe(ref block, 32);
        var r5 = Vector256.LoadUnsafe(ref block, 40);
        var r6 = Vector256.LoadUnsafe(ref block, 48);
        var r7 = Vector256.LoadUnsafe(ref block, 56);

        int shift1 = ConstBits - pass1;
        var round1 = Vector256.Create(1 << (shift1 - 1));
        if ((r1 | r2 | r3 | r4 | r5 | r6 | r7) == Vector256<int>.Zero)
        {
            // DC only: every workspace row equals row 0 shifted (exactly what the full pass would give).
            r0 = Vector256.ShiftLeft(r0, pass1);
            r1 = r2 = r3 = r4 = r5 = r6 = r7 = r0;
        }
        else
        {
            Butterfly(r0, r1, r2, r3, r4, r5, r6, r7, out r0, out r1, out r2, out r3, out r4, out r5, out r6, out r7);
            r0 = Vector256.ShiftRightArithmetic(r0 + round1, shift1);
            r1 = Vector256.ShiftRightArithmetic(r1 + round1, shift1);
            r2 = Vector256.ShiftRightArithmetic(r2 + round1, shift1);
            r3 = Vector256.ShiftRightArithmetic(r3 + round1, shift1);
            r4 = Vector256.ShiftRightArithmetic(r4 + round1, shift1);
            r5 = Vector256.ShiftRightArithmetic(r5 + round1, shift1);
            r6 = Vector256.ShiftRightArithmetic(r6 + round1, shift1);
            r7 = Vector256.ShiftRightArithmetic(r7 + round1, shift1);
        }

        Transpose(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        Butterfly(r0, r1, r2, r3, r4, r5, r6, r7, out r0, out r1, out r2, out r3, out r4, out r5, out r6, out r7);
        int shift2 = ConstBits + pass1 + 3;
        var round2 = Vector256.Create(1 << (shift2 - 1));
        int n = 1 << precision, centre = n >> 1;
        var mask = Vector256.Create(4 * n - 1);
        var vCentre = Vector256.Create(round2[0] + (centre << shift2)); // rounding and level shift in one add
        r0 = Limit(Vector256.ShiftRightArithmetic(r0 + vCentre, shift2), mask, n, centre);
        r1 = Limit(Vector256.ShiftRightArithmetic(r1 + vCentre, shift2), mask, n, centre);
        r2 = Limit(Vector256.ShiftRightArithmetic(r2 + vCentre, shift2), mask, n, centre);
        r3 = Limit(Vector256.ShiftRightArithmetic(r3 + vCentre, shift2), mask, n, centre);
        r4 = Limit(Vector256.ShiftRightArithmetic(r4 + vCentre, shift2), mask, n, centre);
        r5 = Limit(Vector256.ShiftRightArithmetic(r5 + vCentre, shift2), mask, n, centre);
        r6 = Limit(Vector256.ShiftRightArithmetic(r6 + vCentre, shift2), mask, n, centre);
        r7 = Limit(Vector256.ShiftRightArithmetic(r7 + vCentre, shift2), mask, n, centre);
        Transpose(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        Store(r0, ref output);
        Store(r1, ref Unsafe.Add(ref output, stride));
        Store(r2, ref Unsafe.Add(ref output, 2 * stride));
        Store(r3, ref Unsafe.Add(ref output, 3 * stride));
        Store(r4, ref Unsafe.Add(ref output, 4 * stride));
        Store(r5, ref Unsafe.Add(ref output, 5 * stride));
        Store(r6, ref Unsafe.Add(ref output, 6 * stride));
        Store(r7, ref Unsafe.Add(ref output, 7 * stride));
    }

    /// <summary>
    /// libjpeg's range_limit[x &amp; mask] without the table. With t = (x + centre) &amp; mask (x before the level
    /// shift): the table gives t for t &lt; n, n − 1 for t &lt; 2n + centre, 0 above.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Limit(Vector256<int> shifted, Vector256<int> mask, int n, int centre)
    {
        var t = shifted & mask;
        var inRange = Vector256.LessThan(t, Vector256.Create(n));
        var high = Vector256.LessThan(t, Vector256.Create(2 * n + centre));
        return Vector256.ConditionalSelect(inRange, t, high & Vector256.Create(n - 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<int> row, ref short destination)
    {
        // Values are 0..4095: signed saturation is exact. PackSignedSaturate interleaves 128-bit lanes, so use one half.
        var packed = Sse2.PackSignedSaturate(row.GetLower(), row.GetUpper());
        packed.StoreUnsafe(ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref Vector256<int> r0, ref Vector256<int> r1, ref Vector256<int> r2, ref Vector256<int> r3,
        ref Vector256<int> r4, ref Vector256<int> r5, ref Vector256<int> r6, ref Vector256<int> r7)
    {
        var t0 = Avx2.UnpackLow(r0, r1);
        var t1 = Avx2.UnpackHigh(r0, r1);
        var t2 = Avx2.UnpackLow(r2, r3);
        var t3 = Avx2.UnpackHigh(r2, r3);
        var t4 = Avx2.UnpackLow(r4, r5);
        var t5 = Avx2.UnpackHigh(r4, r5);
        var t6 = Avx2.UnpackLow(r6, r7);
        var t7 = Avx2.UnpackHigh(r6, r7);
        var u0 = Avx2.UnpackLow(t0.AsInt64(), t2.AsInt64()).AsInt32();
        var u1 = Avx2.UnpackHigh(t0.AsInt64(), t2.AsInt64()).AsInt32();
        var u2 = Avx2.UnpackLow(t1.AsInt64(), t3.AsInt64()).AsInt32();
        var u3 = Avx2.UnpackHigh(t1.AsInt64(), t3.AsInt64()).AsInt32();
        var u4 = Avx2.UnpackLow(t4.AsInt64(), t6.AsInt64()).AsInt32();
        var u5 = Avx2.UnpackHigh(t4.AsInt64(), t6.AsInt64()).AsInt32();
        var u6 = Avx2.UnpackLow(t5.AsInt64(), t7.AsInt64()).AsInt32();
        var u7 = Avx2.UnpackHigh(t5.AsInt64(), t7.AsInt64()).AsInt32();
        r0 = Avx2.Permute2x128(u0, u4, 0x20);
        r1 = Avx2.Permute2x128(u1, u5, 0x20);
        r2 = Avx2.Permute2x128(u2, u6, 0x20);
        r3 = Avx2.Permute2x128(u3, u7, 0x20);
        r4 = Avx2.Permute2x128(u0, u4, 0x31);
        r5 = Avx2.Permute2x128(u1, u5, 0x31);
        r6 = Avx2.Permute2x128(u2, u6, 0x31);
        r7 = Avx2.Permute2x128(u3, u7, 0x31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(Vector256<int> i0, Vector256<int> i1, Vector256<int> i2, Vector256<int> i3,
        Vector256<int> i4, Vector256<int> i5, Vector256<int> i6, Vector256<int> i7,
        out Vector256<int> o0, out Vector256<int> o1, out Vector256<int> o2, out Vector256<int> o3,
        out Vector256<int> o4, out Vector256<int> o5, out Vector256<int> o6, out Vector256<int> o7)
    {
        var z1 = (i2 + i6) * Fix_0_541196100;
        var tmp2 = z1 + i6 * -Fix_1_847759065;
        var tmp3 = z1 + i2 * Fix_0_765366865;
        var tmp0 = Vector256.ShiftLeft(i0 + i4, ConstBits);
        var tmp1 = Vector256.ShiftLeft(i0 - i4, ConstBits);
        var tmp10 = tmp0 + tmp3;
        var tmp13 = tmp0 - tmp3;
        var tmp11 = tmp1 + tmp2;
        var tmp12 = tmp1 - tmp2;

        z1 = i7 + i1;
        var z2 = i5 + i3;
        var z3 = i7 + i3;
        var z4 = i5 + i1;
        var z5 = (z3 + z4) * Fix_1_175875602;
        tmp0 = i7 * Fix_0_298631336;
        tmp1 = i5 * Fix_2_053119869;
        tmp2 = i3 * Fix_3_072711026;
        tmp3 = i1 * Fix_1_501321110;
        z1 *= -Fix_0_899976223;
        z2 *= -Fix_2_562915447;
        z3 = z3 * -Fix_1_961570560 + z5;
        z4 = z4 * -Fix_0_390180644 + z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        o0 = tmp10 + tmp3; o7 = tmp10 - tmp3;
        o1 = tmp11 + tmp2; o6 = tmp11 - tmp2;
        o2 = tmp12 + tmp1; o5 = tmp12 - tmp1;
        o3 = tmp13 + tmp0; o4 = tmp13 - tmp0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TransformScalar(ReadOnlySpan<int> block, Span<int> workspace, Span<short> output, int stride, int precision)
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
