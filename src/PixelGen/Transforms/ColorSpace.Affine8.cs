using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PixelGen.Transforms;

// The other 8-bit conversions (RGB → YBR_FULL, YBR_PARTIAL ↔ RGB) share one shape: for each output sample,
// floor((((k0·x0 + k1·x1) + k2·x2) + post) + half), clipped to 0..255, with x = sample − input offset. Vectorised
// 16 pixels per step (pshufb de-interleave, lanes of float32 or float64, saturating packs, pshufb interleave),
// with the scalar paths' operations in the same order and precision, so the bytes are identical to theirs.
public static partial class ColorSpace
{
    /// <summary>Coefficients (row per output sample), input offsets, and the two additions before the floor.</summary>
    private sealed record Affine8(double[] K, double[] InputOffset, double[] Post, double[] Half);

    private static readonly Affine8 s_rgbToYbrFull8 = new(
        [MYr, MYg, MYb, MBr, MBg, MBb, MRr, MRg, MRb], [0, 0, 0], [0, 0, 0], [0.5, 128.5, 128.5]);

    private static readonly Affine8 s_ybrPartialToRgb8 = new(InvertPartial(), [16, 128, 128], [0, 0, 0], [0.5, 0.5, 0.5]);

    private static readonly Affine8 s_rgbToYbrPartial8 = new(
        [0.2568, 0.5041, 0.0979, -0.1482, -0.2910, 0.4392, 0.4392, -0.3678, -0.0714], [0, 0, 0], [16, 128, 128], [0.5, 0.5, 0.5]);

    // float32 lanes, 8 per half block (RGB → YBR_FULL: pydicom's float32 arithmetic).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Affine8Float(Span<byte> pixels, Affine8 a)
    {
        if (!Avx2.IsSupported) return 0;
        int n = pixels.Length / 48 * 48;
        ref byte p = ref MemoryMarshal.GetReference(pixels);
        Span<Vector256<float>> k = stackalloc Vector256<float>[9];
        for (int i = 0; i < 9; i++) k[i] = Vector256.Create((float)a.K[i]);
        var p0 = Vector256.Create((float)a.Post[0]);
        var p1 = Vector256.Create((float)a.Post[1]);
        var p2 = Vector256.Create((float)a.Post[2]);
        var h0 = Vector256.Create((float)a.Half[0]);
        var h1 = Vector256.Create((float)a.Half[1]);
        var h2 = Vector256.Create((float)a.Half[2]);
        for (int i = 0; i < n; i += 48)
        {
            ref byte at = ref Unsafe.Add(ref p, i);
            SplitPlanes(ref at, s_split8, out var s0, out var s1, out var s2);
            Vector256<int> o0l, o1l, o2l, o0h, o1h, o2h;
            {
                var x0 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(s0));
                var x1 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(s1));
                var x2 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(s2));
                o0l = FloorSum(x0, x1, x2, k[0], k[1], k[2], p0, h0);
                o1l = FloorSum(x0, x1, x2, k[3], k[4], k[5], p1, h1);
                o2l = FloorSum(x0, x1, x2, k[6], k[7], k[8], p2, h2);
            }
            {
                var x0 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(s0, 8)));
                var x1 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(s1, 8)));
                var x2 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(s2, 8)));
                o0h = FloorSum(x0, x1, x2, k[0], k[1], k[2], p0, h0);
                o1h = FloorSum(x0, x1, x2, k[3], k[4], k[5], p1, h1);
                o2h = FloorSum(x0, x1, x2, k[6], k[7], k[8], p2, h2);
            }
            MergePlanes(s_merge8, Pack8(o0l, o0h), Pack8(o1l, o1h), Pack8(o2l, o2h), ref at);
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> FloorSum(Vector256<float> x0, Vector256<float> x1, Vector256<float> x2,
        Vector256<float> k0, Vector256<float> k1, Vector256<float> k2, Vector256<float> post, Vector256<float> half)
        => Avx.ConvertToVector256Int32WithTruncation(Avx.Floor(Avx.Add(Avx.Add(Avx.Add(Avx.Add(Avx.Multiply(x0, k0), Avx.Multiply(x1, k1)), Avx.Multiply(x2, k2)), post), half)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Pack8(Vector256<int> low, Vector256<int> high)
        => Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(low.GetLower(), low.GetUpper()), Sse2.PackSignedSaturate(high.GetLower(), high.GetUpper()));

    // float64 lanes, 4 per quarter block (YBR_PARTIAL, computed in float64 like the scalar path).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Affine8Double(Span<byte> pixels, Affine8 a)
    {
        if (!Avx2.IsSupported) return 0;
        int n = pixels.Length / 48 * 48;
        ref byte p = ref MemoryMarshal.GetReference(pixels);
        Span<Vector256<double>> k = stackalloc Vector256<double>[9];
        for (int i = 0; i < 9; i++) k[i] = Vector256.Create(a.K[i]);
        Span<Vector256<double>> extra = stackalloc Vector256<double>[9];
        for (int c = 0; c < 3; c++)
        {
            extra[c] = Vector256.Create(a.InputOffset[c]);
            extra[3 + c] = Vector256.Create(a.Post[c]);
            extra[6 + c] = Vector256.Create(a.Half[c]);
        }
        Span<Vector128<int>> quads = stackalloc Vector128<int>[12];
        for (int i = 0; i < n; i += 48)
        {
            ref byte at = ref Unsafe.Add(ref p, i);
            SplitPlanes(ref at, s_split8, out var s0, out var s1, out var s2);
            for (int q = 0; q < 4; q++)
            {
                var x0 = Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(s0)) - extra[0];
                var x1 = Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(s1)) - extra[1];
                var x2 = Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(s2)) - extra[2];
                for (int c = 0; c < 3; c++)
                {
                    var v = Avx.Add(Avx.Add(Avx.Multiply(k[3 * c], x0), Avx.Multiply(k[3 * c + 1], x1)), Avx.Multiply(k[3 * c + 2], x2));
                    quads[4 * c + q] = Avx.ConvertToVector128Int32WithTruncation(Avx.Floor(Avx.Add(Avx.Add(v, extra[3 + c]), extra[6 + c])));
                }
                s0 = Sse2.ShiftRightLogical128BitLane(s0, 4);
                s1 = Sse2.ShiftRightLogical128BitLane(s1, 4);
                s2 = Sse2.ShiftRightLogical128BitLane(s2, 4);
            }
            MergePlanes(s_merge8, Pack8(quads[0], quads[1], quads[2], quads[3]), Pack8(quads[4], quads[5], quads[6], quads[7]), Pack8(quads[8], quads[9], quads[10], quads[11]), ref at);
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Pack8(Vector128<int> a, Vector128<int> b, Vector128<int> c, Vector128<int> d)
        => Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(a, b), Sse2.PackSignedSaturate(c, d));
}
