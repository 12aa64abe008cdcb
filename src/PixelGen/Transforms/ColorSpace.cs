using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>
/// YBR ↔ RGB conversion of interleaved 3-sample pixels (PS3.3 C.7.6.3.1.2), in place or into a caller's buffer.
/// <para>8-bit YBR_FULL: the same IEEE float32 operations as pydicom's <c>convert_color_space</c> (its float32
/// matrix, products summed left to right, +0.5, floor, clip), so the bytes equal pydicom's for all 2^24 inputs.
/// Integer fixed point cannot do that: pydicom's float32 rounding makes G depend on Y for 223 of the 2^24 inputs.
/// The 8-bit paths are vectorised (AVX2: 16 pixels per step).</para>
/// <para>16-bit (pydicom has none): the same coefficients evaluated in float64, chroma offset 2^(bits−1),
/// rounded half up and clipped to 0..2^bits−1.</para>
/// <para>YBR_PARTIAL (PS3.3 C.7.6.3.1.2, ITU-R BT.601 studio range: Y 16..235, chroma 16..240): the standard's
/// forward matrix and its exact inverse in float64, rounded half up and clipped.</para>
/// </summary>
public static class ColorSpace
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

    /// <summary>8-bit YBR_FULL → RGB from <paramref name="source"/> into <paramref name="destination"/> (may be the same memory).</summary>
    public static void YbrFullToRgb(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CheckTriplets(source.Length, destination.Length);
        int done = Avx2.IsSupported && Ssse3.IsSupported ? YbrToRgbAvx2(source, destination) : 0;
        YbrFullToRgbScalar(source[done..], destination[done..]);
    }

    /// <summary>The scalar path of <see cref="YbrFullToRgb(ReadOnlySpan{byte}, Span{byte})"/> (tests compare both).</summary>
    internal static void YbrFullToRgbScalar(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i += 3)
        {
            float y = source[i], cb = source[i + 1] - 128, cr = source[i + 2] - 128;
            float r = y + cr * KR;
            float g = y + cb * KGb + cr * KGr;
            float b = y + cb * KB;
            destination[i] = ClipFloor8(r);
            destination[i + 1] = ClipFloor8(g);
            destination[i + 2] = ClipFloor8(b);
        }
    }

    /// <summary>8-bit RGB → YBR_FULL in place, matching pydicom's <c>convert_color_space(arr, 'RGB', 'YBR_FULL')</c>.</summary>
    public static void RgbToYbrFull(Span<byte> pixels)
    {
        CheckTriplets(pixels.Length, pixels.Length);
        for (int i = 0; i < pixels.Length; i += 3)
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
        for (int i = 0; i < pixels.Length; i += 3)
        {
            double y = pixels[i], cb = pixels[i + 1] - off, cr = pixels[i + 2] - off;
            pixels[i] = Round16(y + 1.402 * cr, max);
            pixels[i + 1] = Round16(y - 0.114 * 1.772 / 0.587 * cb - 0.299 * 1.402 / 0.587 * cr, max);
            pixels[i + 2] = Round16(y + 1.772 * cb, max);
        }
    }

    /// <summary>RGB → YBR_FULL of 16-bit samples with <paramref name="bitsStored"/> significant bits, in place.</summary>
    public static void RgbToYbrFull(Span<ushort> pixels, int bitsStored = 16)
    {
        CheckTriplets(pixels.Length, pixels.Length);
        double off = Offset(bitsStored), max = (1 << bitsStored) - 1;
        for (int i = 0; i < pixels.Length; i += 3)
        {
            double r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            pixels[i] = Round16(0.299 * r + 0.587 * g + 0.114 * b, max);
            pixels[i + 1] = Round16(-0.299 / 1.772 * r - 0.587 / 1.772 * g + 0.886 / 1.772 * b + off, max);
            pixels[i + 2] = Round16(0.701 / 1.402 * r - 0.587 / 1.402 * g - 0.114 / 1.402 * b + off, max);
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
        for (int i = 0; i < pixels.Length; i += 3)
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
        for (int i = 0; i < pixels.Length; i += 3)
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

    // 16 pixels (48 bytes) per step: pshufb deinterleave, float32 arithmetic in 8 lanes, pack, pshufb interleave.
    private static int YbrToRgbAvx2(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int n = source.Length / 48 * 48;
        if (n == 0) return 0;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        var d0 = Vector128.Create((byte)0, 3, 6, 9, 12, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);
        var d1 = Vector128.Create((byte)0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 2, 5, 8, 11, 14, 0x80, 0x80, 0x80, 0x80, 0x80);
        var d2 = Vector128.Create((byte)0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1, 4, 7, 10, 13);
        var e0 = Vector128.Create((byte)1, 4, 7, 10, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);
        var e1 = Vector128.Create((byte)0x80, 0x80, 0x80, 0x80, 0x80, 0, 3, 6, 9, 12, 15, 0x80, 0x80, 0x80, 0x80, 0x80);
        var e2 = Vector128.Create((byte)0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 2, 5, 8, 11, 14);
        var f0 = Vector128.Create((byte)2, 5, 8, 11, 14, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);
        var f1 = Vector128.Create((byte)0x80, 0x80, 0x80, 0x80, 0x80, 1, 4, 7, 10, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);
        var f2 = Vector128.Create((byte)0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0, 3, 6, 9, 12, 15);
        // Interleave masks: output byte j of block k takes plane (j % 3) pixel (16k + j) / 3.
        var (r0, g0, b0) = InterleaveMasks(0);
        var (r1, g1, b1) = InterleaveMasks(1);
        var (r2, g2, b2) = InterleaveMasks(2);
        var k128 = Vector256.Create(128f);
        var kR = Vector256.Create(KR);
        var kGb = Vector256.Create(KGb);
        var kGr = Vector256.Create(KGr);
        var kB = Vector256.Create(KB);
        var half = Vector256.Create(0.5f);
        for (int i = 0; i < n; i += 48)
        {
            var v0 = Vector128.LoadUnsafe(ref src, (nuint)i);
            var v1 = Vector128.LoadUnsafe(ref src, (nuint)i + 16);
            var v2 = Vector128.LoadUnsafe(ref src, (nuint)i + 32);
            var y = Ssse3.Shuffle(v0, d0) | Ssse3.Shuffle(v1, d1) | Ssse3.Shuffle(v2, d2);
            var cb = Ssse3.Shuffle(v0, e0) | Ssse3.Shuffle(v1, e1) | Ssse3.Shuffle(v2, e2);
            var cr = Ssse3.Shuffle(v0, f0) | Ssse3.Shuffle(v1, f1) | Ssse3.Shuffle(v2, f2);
            Convert8(y, cb, cr, 0, kR, kGb, kGr, kB, k128, half, out var rl, out var gl, out var bl);
            Convert8(y, cb, cr, 8, kR, kGb, kGr, kB, k128, half, out var rh, out var gh, out var bh);
            var r = Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(rl.GetLower(), rl.GetUpper()), Sse2.PackSignedSaturate(rh.GetLower(), rh.GetUpper()));
            var g = Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(gl.GetLower(), gl.GetUpper()), Sse2.PackSignedSaturate(gh.GetLower(), gh.GetUpper()));
            var b = Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(bl.GetLower(), bl.GetUpper()), Sse2.PackSignedSaturate(bh.GetLower(), bh.GetUpper()));
            (Ssse3.Shuffle(r, r0) | Ssse3.Shuffle(g, g0) | Ssse3.Shuffle(b, b0)).StoreUnsafe(ref dst, (nuint)i);
            (Ssse3.Shuffle(r, r1) | Ssse3.Shuffle(g, g1) | Ssse3.Shuffle(b, b1)).StoreUnsafe(ref dst, (nuint)i + 16);
            (Ssse3.Shuffle(r, r2) | Ssse3.Shuffle(g, g2) | Ssse3.Shuffle(b, b2)).StoreUnsafe(ref dst, (nuint)i + 32);
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Convert8(Vector128<byte> y8, Vector128<byte> cb8, Vector128<byte> cr8, int start,
        Vector256<float> kR, Vector256<float> kGb, Vector256<float> kGr, Vector256<float> kB, Vector256<float> k128, Vector256<float> half,
        out Vector256<int> r, out Vector256<int> g, out Vector256<int> b)
    {
        if (start != 0) { y8 = Sse2.ShiftRightLogical128BitLane(y8, 8); cb8 = Sse2.ShiftRightLogical128BitLane(cb8, 8); cr8 = Sse2.ShiftRightLogical128BitLane(cr8, 8); }
        var y = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(y8));
        var cb = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(cb8)) - k128;
        var cr = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(cr8)) - k128;
        // Same operation order as the scalar path (and numpy): products rounded, then summed left to right.
        // Truncation equals floor for v >= 0; negative v truncate to <= 0 and the saturating packs clip both to 0.
        r = Avx.ConvertToVector256Int32WithTruncation((y + cr * kR) + half);
        g = Avx.ConvertToVector256Int32WithTruncation(((y + cb * kGb) + cr * kGr) + half);
        b = Avx.ConvertToVector256Int32WithTruncation((y + cb * kB) + half);
    }

    private static (Vector128<byte> R, Vector128<byte> G, Vector128<byte> B) InterleaveMasks(int block)
    {
        Span<byte> r = stackalloc byte[16], g = stackalloc byte[16], b = stackalloc byte[16];
        for (int j = 0; j < 16; j++)
        {
            int global = block * 16 + j, pixel = global / 3, plane = global % 3;
            r[j] = plane == 0 ? (byte)pixel : (byte)0x80;
            g[j] = plane == 1 ? (byte)pixel : (byte)0x80;
            b[j] = plane == 2 ? (byte)pixel : (byte)0x80;
        }
        return (Vector128.Create<byte>(r), Vector128.Create<byte>(g), Vector128.Create<byte>(b));
    }
}
