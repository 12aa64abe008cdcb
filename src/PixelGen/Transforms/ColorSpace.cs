using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>
/// YBR ↔ RGB conversion of interleaved 3-sample pixels (PS3.3 C.7.6.3.1.2), in place or into a caller's buffer.
/// <para>8-bit YBR_FULL: bytes equal to pydicom's <c>convert_color_space</c> (float32 matrix, products summed left
/// to right, +0.5, floor, clip) for all 2^24 inputs. The scalar reference runs those float32 operations; the AVX2
/// path (32 pixels per step) uses 16/32-bit fixed point, which gives the same bytes except where pydicom's float32
/// rounding decides a near-tie: B at Cb = 253 is corrected in the vectors, and the rare pixels whose (Cb, Cr) may
/// tie in G are recomputed with the float32 formula after their block is stored.</para>
/// <para>16-bit (pydicom has none): the same coefficients evaluated in float64, chroma offset 2^(bits−1),
/// rounded half up and clipped to 0..2^bits−1.</para>
/// <para>YBR_PARTIAL (PS3.3 C.7.6.3.1.2, ITU-R BT.601 studio range: Y 16..235, chroma 16..240): the standard's
/// forward matrix and its exact inverse in float64, rounded half up and clipped.</para>
/// </summary>
public static partial class ColorSpace
{
    // pydicom's float32 coefficients (the float64 expressions rounded to float32).
    private const float KR = (float)1.402;
    private const float KGb = (float)(-0.114 * 1.772 / 0.587);
    private const float KGr = (float)(-0.299 * 1.402 / 0.587);
    private const float KB = (float)1.772;

    private const float MYr = (float)0.299, MYg = (float)0.587, MYb = (float)0.114;
    private const float MBr = (float)(-0.299 / 1.772), MBg = (float)(-0.587 / 1.772), MBb = (float)(0.886 / 1.772);
    private const float MRr = (float)(0.701 / 1.402), MRg = (float)(-0.587 / 1.402), MRb = (float)(-0.114 / 1.402);

    /// <summary>The layout after a conversion to RGB: Photometric Interpretation RGB, samples interleaved.</summary>
    public static FrameLayout RgbLayout(FrameLayout input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input with { PhotometricInterpretation = "RGB", PlanarConfiguration = 0 };
    }

    /// <summary>The layout after a conversion to YBR_FULL.</summary>
    public static FrameLayout YbrFullLayout(FrameLayout input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input with { PhotometricInterpretation = "YBR_FULL", PlanarConfiguration = 0 };
    }

    /// <summary>8-bit YBR_FULL → RGB in place (length a multiple of 3: any number of pixels, frames or volumes).</summary>
    public static void YbrFullToRgb(Span<byte> pixels) => YbrFullToRgb(pixels, pixels);

    /// <summary>
    /// 8-bit YBR_FULL → RGB from <paramref name="source"/> into <paramref name="destination"/>: the same memory
    /// (in place) or memory that does not overlap.
    /// </summary>
    /// <exception cref="ArgumentException">The spans overlap at different starts.</exception>
    public static void YbrFullToRgb(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CheckTriplets(source.Length, destination.Length);
        if (source.Overlaps(destination, out int shift) && shift != 0)
            throw new ArgumentException("Source and destination must be the same memory or must not overlap", nameof(destination));
        int done = Avx2.IsSupported ? YbrToRgbAvx2(source, destination) : 0;
        YbrFullToRgbScalar(source[done..], destination[done..]);
    }

    /// <summary>The scalar path of <see cref="YbrFullToRgb(ReadOnlySpan{byte}, Span{byte})"/> (tests compare both).</summary>
    internal static void YbrFullToRgbScalar(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i += 3)
            YbrPixelFloat32(source[i], source[i + 1], source[i + 2], ref destination[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void YbrPixelFloat32(int y8, int cb8, int cr8, ref byte rgb)
    {
        float y = y8, cb = cb8 - 128, cr = cr8 - 128;
        float r = y + cr * KR;
        float g = y + cb * KGb + cr * KGr;
        float b = y + cb * KB;
        rgb = ClipFloor8(r);
        Unsafe.Add(ref rgb, 1) = ClipFloor8(g);
        Unsafe.Add(ref rgb, 2) = ClipFloor8(b);
    }

    /// <summary>8-bit RGB → YBR_FULL in place, matching pydicom's <c>convert_color_space(arr, 'RGB', 'YBR_FULL')</c>.</summary>
    public static void RgbToYbrFull(Span<byte> pixels)
    {
        CheckTriplets(pixels.Length, pixels.Length);
        for (int i = Affine8Float(pixels, s_rgbToYbrFull8); i < pixels.Length; i += 3)
        {
            float r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            float y = r * MYr + g * MYg + b * MYb;
            float cb = r * MBr + g * MBg + b * MBb;
            float cr = r * MRr + g * MRg + b * MRb;
            pixels[i] = ClipFloor8Offset(y, 0.5f);
            pixels[i + 1] = ClipFloor8Offset(cb, 128.5f);
            pixels[i + 2] = ClipFloor8Offset(cr, 128.5f);
        }
    }

    /// <summary>YBR_FULL → RGB of 16-bit samples with <paramref name="bitsStored"/> significant bits, in place.</summary>
    public static void YbrFullToRgb(Span<ushort> pixels, int bitsStored = 16)
    {
        CheckTriplets(pixels.Length, pixels.Length);
        double off = Offset(bitsStored), max = (1 << bitsStored) - 1;
        int done = Avx2.IsSupported && Sse41.IsSupported ? YbrToRgb16Avx2(pixels, off, max) : 0;
        YbrFullToRgbScalar(pixels[done..], off, max);
    }

    /// <summary>The scalar 16-bit YBR_FULL → RGB (the reference of the vector path; tests compare both).</summary>
    internal static void YbrFullToRgbScalar(Span<ushort> pixels, double off, double max)
    {
        for (int i = 0; i < pixels.Length; i += 3)
        {
            double y = pixels[i], cb = pixels[i + 1] - off, cr = pixels[i + 2] - off;
            pixels[i] = Round16(y + W16R * cr, max);
            pixels[i + 1] = Round16(y - W16Gb * cb - W16Gr * cr, max);
            pixels[i + 2] = Round16(y + W16B * cb, max);
        }
    }

    /// <summary>RGB → YBR_FULL of 16-bit samples with <paramref name="bitsStored"/> significant bits, in place.</summary>
    public static void RgbToYbrFull(Span<ushort> pixels, int bitsStored = 16)
    {
        CheckTriplets(pixels.Length, pixels.Length);
        double off = Offset(bitsStored), max = (1 << bitsStored) - 1;
        int done = Avx2.IsSupported && Sse41.IsSupported ? RgbToYbr16Avx2(pixels, off, max) : 0;
        RgbToYbrFullScalar(pixels[done..], off, max);
    }

    /// <summary>The scalar 16-bit RGB → YBR_FULL (the reference of the vector path; tests compare both).</summary>
    internal static void RgbToYbrFullScalar(Span<ushort> pixels, double off, double max)
    {
        for (int i = 0; i < pixels.Length; i += 3)
        {
            double r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            pixels[i] = Round16(W16Yr * r + W16Yg * g + W16Yb * b, max);
            pixels[i + 1] = Round16(W16Br * r - W16Bg * g + W16Bb * b + off, max);
            pixels[i + 2] = Round16(W16Rr * r - W16Rg * g - W16Rb * b + off, max);
        }
    }

    /// <summary>
    /// Native (subsampled) 8-bit YBR_FULL_422 → RGB: <paramref name="source"/> holds Y1 Y2 Cb Cr for each pair of
    /// pixels (2 bytes per pixel, pairs running on across rows as pydicom reads them); <paramref name="destination"/>
    /// gets 3 bytes per pixel. Both chroma samples of a pair apply to its two pixels.
    /// </summary>
    public static void YbrFull422ToRgb(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if ((source.Length & 3) != 0) throw new PixelDataException($"YBR_FULL_422 data length {source.Length} is not a whole number of pixel pairs (4 bytes each)");
        if (destination.Length < source.Length / 2 * 3) throw new ArgumentException($"Destination needs {source.Length / 2 * 3} bytes", nameof(destination));
        // Expand in blocks from the end backwards would allow aliasing; separate buffers are required here.
        if (source.Overlaps(destination)) throw new ArgumentException("Source and destination must not overlap for 4:2:2 input", nameof(destination));
        for (int s = 0, d = 0; s < source.Length; s += 4, d += 6)
        {
            destination[d] = source[s]; destination[d + 1] = source[s + 2]; destination[d + 2] = source[s + 3];
            destination[d + 3] = source[s + 1]; destination[d + 4] = source[s + 2]; destination[d + 5] = source[s + 3];
        }
        YbrFullToRgb(destination[..(source.Length / 2 * 3)]);
    }

    /// <summary>Native (subsampled) 16-bit YBR_FULL_422 → RGB (see the 8-bit overload).</summary>
    public static void YbrFull422ToRgb(ReadOnlySpan<ushort> source, Span<ushort> destination, int bitsStored = 16)
    {
        if ((source.Length & 3) != 0) throw new PixelDataException($"YBR_FULL_422 data length {source.Length} samples is not a whole number of pixel pairs");
        if (destination.Length < source.Length / 2 * 3) throw new ArgumentException($"Destination needs {source.Length / 2 * 3} samples", nameof(destination));
        if (source.Overlaps(destination)) throw new ArgumentException("Source and destination must not overlap for 4:2:2 input", nameof(destination));
        for (int s = 0, d = 0; s < source.Length; s += 4, d += 6)
        {
            destination[d] = source[s]; destination[d + 1] = source[s + 2]; destination[d + 2] = source[s + 3];
            destination[d + 3] = source[s + 1]; destination[d + 4] = source[s + 2]; destination[d + 5] = source[s + 3];
        }
        YbrFullToRgb(destination[..(source.Length / 2 * 3)], bitsStored);
    }

    // YBR_PARTIAL forward matrix (PS3.3 C.7.6.3.1.2) and its inverse, computed once in float64.
    private static readonly double[] s_partialInverse = InvertPartial();

    private static double[] InvertPartial()
    {
        double[] m = [0.2568, 0.5041, 0.0979, -0.1482, -0.2910, 0.4392, 0.4392, -0.3678, -0.0714];
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        return
        [
            (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
        ];
    }

    /// <summary>8-bit YBR_PARTIAL (full resolution, e.g. upsampled YBR_PARTIAL_422/420) → RGB in place.</summary>
    public static void YbrPartialToRgb(Span<byte> pixels)
    {
        CheckTriplets(pixels.Length, pixels.Length);
        var k = s_partialInverse;
        for (int i = Affine8Double(pixels, s_ybrPartialToRgb8); i < pixels.Length; i += 3)
        {
            double y = pixels[i] - 16.0, cb = pixels[i + 1] - 128.0, cr = pixels[i + 2] - 128.0;
            pixels[i] = (byte)Round16(k[0] * y + k[1] * cb + k[2] * cr, 255);
            pixels[i + 1] = (byte)Round16(k[3] * y + k[4] * cb + k[5] * cr, 255);
            pixels[i + 2] = (byte)Round16(k[6] * y + k[7] * cb + k[8] * cr, 255);
        }
    }

    /// <summary>8-bit RGB → YBR_PARTIAL in place (the standard's forward equations).</summary>
    public static void RgbToYbrPartial(Span<byte> pixels)
    {
        CheckTriplets(pixels.Length, pixels.Length);
        for (int i = Affine8Double(pixels, s_rgbToYbrPartial8); i < pixels.Length; i += 3)
        {
            double r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            pixels[i] = (byte)Round16(0.2568 * r + 0.5041 * g + 0.0979 * b + 16, 255);
            pixels[i + 1] = (byte)Round16(-0.1482 * r - 0.2910 * g + 0.4392 * b + 128, 255);
            pixels[i + 2] = (byte)Round16(0.4392 * r - 0.3678 * g - 0.0714 * b + 128, 255);
        }
    }

    private static double Offset(int bitsStored)
    {
        if (bitsStored < 2 || bitsStored > 16) throw new ArgumentOutOfRangeException(nameof(bitsStored), bitsStored, "Bits Stored must be 2..16");
        return 1 << (bitsStored - 1);
    }

    private static void CheckTriplets(int sourceLength, int destinationLength)
    {
        if (sourceLength % 3 != 0) throw new PixelDataException($"Colour data length {sourceLength} is not a multiple of 3 samples");
        if (destinationLength < sourceLength) throw new ArgumentException("Destination is shorter than the source");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte ClipFloor8(float v)
    {
        float f = MathF.Floor(v + 0.5f);
        return f <= 0 ? (byte)0 : f >= 255 ? (byte)255 : (byte)f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte ClipFloor8Offset(float v, float offset)
    {
        float f = MathF.Floor(v + offset);
        return f <= 0 ? (byte)0 : f >= 255 ? (byte)255 : (byte)f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Round16(double v, double max)
    {
        double f = Math.Floor(v + 0.5);
        return f <= 0 ? (ushort)0 : f >= max ? (ushort)max : (ushort)f;
    }

    // ---- 8-bit YBR_FULL → RGB, AVX2 fixed point (32 pixels per step) ----
    //
    // Why fixed point can match pydicom: y is an integer, so floor(y + c + 0.5) = y + floor(c + 0.5) in real
    // arithmetic, c being the chroma part (R: cr'·KR, G: cb'·KGb + cr'·KGr, B: cb'·KB, with pydicom's float32
    // coefficients taken as exact reals, cb' = Cb − 128, cr' = Cr − 128). pydicom's float32 evaluation rounds each
    // product and sum to half an ulp; every intermediate is below 512 in magnitude, so its total error is below
    // 3·2^-16 (R, B) or 29·2^-19 ≈ 5.5e-5 (G), and its floor equals the real one unless c + 0.5 lies within that of
    // an integer. That depends on (cb, cr) only:
    // - R: every cr' is ≥ 2.0e-3 away, so R = y + round(cr'·KR); pmulhrsw with RMul gives round(cr'·(KR−1)) for all
    //   256 cr' (checked exhaustively by the tests).
    // - B: only cb' = ±125 is closer (5.6e-6): float32 rounds 125·KB to exactly 221.5, so pydicom adds 222 where
    //   the real value rounds to 221 (−125 agrees). pmulhrsw with BMul gives the real rounding; cb' = 125 gets +1.
    // - G: T = cb'·Gb + cr'·Gr + GHalf with Gb, Gr within a few 2^-22 of the coefficients. The closest pairs other
    //   than the two true ties (cb', cr') = ±(50, −50) are 3.3e-5 from a rounding boundary, so near-exact integer
    //   coefficients give the real rounding for every other pair; among the sets that do, these (found by
    //   exhaustive search, re-checked by the tests) also put both ties on pydicom's side for Y ≥ 14: +19 at
    //   (50, −50), −18 at (−50, 50). pydicom's own result there depends on Y: (Cb, Cr) = (178, 78) gives Y + 18 for
    //   Y < 14 (and −18 at (78, 178) for every Y, clipped to 0 below 18). Those pixels are found on the byte
    //   planes (one compare per plane) and their G lowered by one.
    // Gb/Gr are split into 16-bit halves (·128 + low 7 bits) for two pmaddwd.
    internal const short RMul = 13175, BMul = 25294;
    internal const short GbHi = -11277, GbLo = 43, GrHi = -23401, GrLo = 23;
    internal const int GHalf = (1 << 21) + 99;
    internal const byte YDependentCb = 178, YDependentCr = 78;

    /// <summary>Whether pydicom's G for this chroma pair depends on Y, so the fixed point alone cannot give it.</summary>
    internal static bool IsYDependentChroma(int cb8, int cr8) => cb8 == YDependentCb && cr8 == YDependentCr;

    // Lanes hold two 16-pixel (48-byte) runs: bytes 0..47 in the low 128 bits, 48..95 in the high. Channel planes
    // come from vpblendvb (position j of a lane takes the one of the three 16-byte rows whose byte j is that channel)
    // plus pshufb into 16-bit words; the result goes back the same way (pshufb to final positions, two blends).
    // The loop is software-pipelined: the next block's planes are built before this block's arithmetic, so the
    // out-of-order window finds independent work instead of one block's long dependency chain (~8 % faster here).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int YbrToRgbAvx2(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int n = source.Length / 96 * 96;
        if (n == 0) return 0;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        // Byte j of a lane where j % 3 == 0, 1, 2.
        var m0 = Vector256.Create((byte)255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255);
        var m1 = Vector256.Create((byte)0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0);
        var m2 = Vector256.Create((byte)0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0);
        YbrPlanes(ref src, m0, m1, m2, out var bs, out var rs, out var ys);
        int last = n - 96;
        for (int i = 0; i < last; i += 96)
        {
            var (cbs, crs, cys) = (bs, rs, ys);
            YbrPlanes(ref Unsafe.Add(ref src, i + 96), m0, m1, m2, out bs, out rs, out ys);
            YbrBlock(cbs, crs, cys, m0, m1, m2, ref Unsafe.Add(ref src, i), ref Unsafe.Add(ref dst, i));
        }
        YbrBlock(bs, rs, ys, m0, m1, m2, ref Unsafe.Add(ref src, last), ref Unsafe.Add(ref dst, last));
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void YbrPlanes(ref byte s, Vector256<byte> m0, Vector256<byte> m1, Vector256<byte> m2,
        out Vector256<byte> bs, out Vector256<byte> rs, out Vector256<byte> ys)
    {
        var a = Vector256.LoadUnsafe(ref s);
        var b = Vector256.LoadUnsafe(ref s, 32);
        var c = Vector256.LoadUnsafe(ref s, 64);
        var v0 = Avx2.Blend(a.AsInt32(), b.AsInt32(), 0xF0).AsByte();
        var v1 = Avx2.Permute2x128(a, c, 0x21);
        var v2 = Avx2.Blend(b.AsInt32(), c.AsInt32(), 0xF0).AsByte();
        bs = Avx2.BlendVariable(Avx2.BlendVariable(v0, v1, m0), v2, m2);
        rs = Avx2.BlendVariable(Avx2.BlendVariable(v0, v1, m1), v2, m0);
        ys = Avx2.BlendVariable(Avx2.BlendVariable(v0, v1, m2), v2, m1);
    }

    // One 96-byte block from its planes into d; s is its source, read again only for the rare fix below.
    // G is computed first and R, B packed as soon as they exist: fewer live vectors, so the JIT does not spill.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void YbrBlock(Vector256<byte> bs, Vector256<byte> rs, Vector256<byte> ys,
        Vector256<byte> m0, Vector256<byte> m1, Vector256<byte> m2, ref byte s, ref byte d)
    {
        var yDependent = YDependentMask(bs, rs);
        bool fix = !Avx.TestZ(yDependent, yDependent);
        var k128 = Vector256.Create((short)128);
        var cb0 = Avx2.Shuffle(bs, Vector256.Create((byte)1, 128, 4, 128, 7, 128, 10, 128, 13, 128, 0, 128, 3, 128, 6, 128, 1, 128, 4, 128, 7, 128, 10, 128, 13, 128, 0, 128, 3, 128, 6, 128)).AsInt16() - k128;
        var cr0 = Avx2.Shuffle(rs, Vector256.Create((byte)2, 128, 5, 128, 8, 128, 11, 128, 14, 128, 1, 128, 4, 128, 7, 128, 2, 128, 5, 128, 8, 128, 11, 128, 14, 128, 1, 128, 4, 128, 7, 128)).AsInt16() - k128;
        var cb1 = Avx2.Shuffle(bs, Vector256.Create((byte)9, 128, 12, 128, 15, 128, 2, 128, 5, 128, 8, 128, 11, 128, 14, 128, 9, 128, 12, 128, 15, 128, 2, 128, 5, 128, 8, 128, 11, 128, 14, 128)).AsInt16() - k128;
        var cr1 = Avx2.Shuffle(rs, Vector256.Create((byte)10, 128, 13, 128, 0, 128, 3, 128, 6, 128, 9, 128, 12, 128, 15, 128, 10, 128, 13, 128, 0, 128, 3, 128, 6, 128, 9, 128, 12, 128, 15, 128)).AsInt16() - k128;
        var y0 = Avx2.Shuffle(ys, Vector256.Create((byte)0, 128, 3, 128, 6, 128, 9, 128, 12, 128, 15, 128, 2, 128, 5, 128, 0, 128, 3, 128, 6, 128, 9, 128, 12, 128, 15, 128, 2, 128, 5, 128)).AsInt16();
        var y1 = Avx2.Shuffle(ys, Vector256.Create((byte)8, 128, 11, 128, 14, 128, 1, 128, 4, 128, 7, 128, 10, 128, 13, 128, 8, 128, 11, 128, 14, 128, 1, 128, 4, 128, 7, 128, 10, 128, 13, 128)).AsInt16();
        // G in 32-bit lanes from (cb', cr') word pairs; saturating packs clip to 0..255.
        var g = Avx2.PackUnsignedSaturate(
            y0 + Avx2.PackSignedSaturate(GChroma(Avx2.UnpackLow(cb0, cr0)), GChroma(Avx2.UnpackHigh(cb0, cr0))),
            y1 + Avx2.PackSignedSaturate(GChroma(Avx2.UnpackLow(cb1, cr1)), GChroma(Avx2.UnpackHigh(cb1, cr1))));
        // R, B in 16-bit lanes: y + x' + round(x'·(K − 1)); B +1 at cb' = 125 (see above).
        var kR = Vector256.Create(RMul);
        var r = Avx2.PackUnsignedSaturate(y0 + cr0 + Avx2.MultiplyHighRoundScale(cr0, kR), y1 + cr1 + Avx2.MultiplyHighRoundScale(cr1, kR));
        var kB = Vector256.Create(BMul);
        var k125 = Vector256.Create((short)125);
        var bb = Avx2.PackUnsignedSaturate(
            y0 + cb0 + Avx2.MultiplyHighRoundScale(cb0, kB) - Avx2.CompareEqual(cb0, k125),
            y1 + cb1 + Avx2.MultiplyHighRoundScale(cb1, kB) - Avx2.CompareEqual(cb1, k125));
        // pshufb puts each sample where the interleaved output wants it.
        g = Avx2.Shuffle(g, Vector256.Create((byte)5, 0, 11, 6, 1, 12, 7, 2, 13, 8, 3, 14, 9, 4, 15, 10, 5, 0, 11, 6, 1, 12, 7, 2, 13, 8, 3, 14, 9, 4, 15, 10));
        // A block holding (178, 78) is rare: its planes are built again from the source (not yet overwritten), so
        // the hot path keeps no vector alive for it.
        if (fix)
        {
            YbrPlanes(ref s, m0, m1, m2, out var bs2, out var rs2, out var ys2);
            var yBelow14 = Avx2.CompareEqual(Avx2.SubtractSaturate(Avx2.AlignRight(ys2, ys2, 15), Vector256.Create((byte)13)), Vector256<byte>.Zero);
            g += YDependentMask(bs2, rs2) & yBelow14;
        }
        r = Avx2.Shuffle(r, Vector256.Create((byte)0, 11, 6, 1, 12, 7, 2, 13, 8, 3, 14, 9, 4, 15, 10, 5, 0, 11, 6, 1, 12, 7, 2, 13, 8, 3, 14, 9, 4, 15, 10, 5));
        bb = Avx2.Shuffle(bb, Vector256.Create((byte)10, 5, 0, 11, 6, 1, 12, 7, 2, 13, 8, 3, 14, 9, 4, 15, 10, 5, 0, 11, 6, 1, 12, 7, 2, 13, 8, 3, 14, 9, 4, 15));
        var o0 = Avx2.BlendVariable(Avx2.BlendVariable(r, g, m1), bb, m2);
        var o1 = Avx2.BlendVariable(Avx2.BlendVariable(r, g, m0), bb, m1);
        var o2 = Avx2.BlendVariable(Avx2.BlendVariable(r, g, m2), bb, m0);
        Avx2.Permute2x128(o0, o1, 0x20).StoreUnsafe(ref d);
        Avx2.Blend(o2.AsInt32(), o0.AsInt32(), 0xF0).AsByte().StoreUnsafe(ref d, 32);
        Avx2.Permute2x128(o1, o2, 0x31).StoreUnsafe(ref d, 64);
    }

    // After the final pshufb, g[j] is the G of the pixel whose Cb is bs[j] (G and Cb share a byte position). That
    // pixel's Cr is rs[j + 1] and its Y ys[j − 1], rotating within the lane: bs[15] pairs with rs[0] and bs[0] with
    // ys[15], the same pixel across a row boundary. (178, 78) with Y < 14 is pydicom's Y + 18, not the fixed
    // point's Y + 19 (at least 19, so adding the mask's 0xFF is −1 without wrapping).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> YDependentMask(Vector256<byte> bs, Vector256<byte> rs) =>
        Avx2.CompareEqual(bs, Vector256.Create(YDependentCb)) & Avx2.CompareEqual(Avx2.AlignRight(rs, rs, 1), Vector256.Create(YDependentCr));

    // floor(T / 2^22) with T = Gb·cb' + Gr·cr' + GHalf, from (cb', cr') int16 pairs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> GChroma(Vector256<short> pairs)
    {
        var hi = Vector256.Create(unchecked((ushort)GbHi) | (GrHi << 16)).AsInt16();
        var lo = Vector256.Create(GbLo | (GrLo << 16)).AsInt16();
        var t = Avx2.ShiftLeftLogical(Avx2.MultiplyAddAdjacent(pairs, hi), 7) + (Avx2.MultiplyAddAdjacent(pairs, lo) + Vector256.Create(GHalf));
        return Avx2.ShiftRightArithmetic(t, 22);
    }
}
