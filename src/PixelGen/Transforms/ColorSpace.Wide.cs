using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PixelGen.Transforms;

// 16-bit YBR_FULL ↔ RGB, vectorised: 8 pixels per step, pshufb de-interleave of 16-bit samples, two 4-lane float64
// halves running the scalar path's operations in the same order (no fused multiply-add), so the results are
// bit-identical to YbrFullToRgbScalar / RgbToYbrFullScalar; then floor(v + 0.5), clamp, packusdw, pshufb interleave.
public static partial class ColorSpace
{
    // The float64 coefficients, folded exactly as the scalar expressions fold them.
    private const double W16R = 1.402, W16B = 1.772;
    private const double W16Gb = 0.114 * 1.772 / 0.587, W16Gr = 0.299 * 1.402 / 0.587;
    private const double W16Yr = 0.299, W16Yg = 0.587, W16Yb = 0.114;
    private const double W16Br = -0.299 / 1.772, W16Bg = 0.587 / 1.772, W16Bb = 0.886 / 1.772;
    private const double W16Rr = 0.701 / 1.402, W16Rg = 0.587 / 1.402, W16Rb = 0.114 / 1.402;

    private static int YbrToRgb16Avx2(Span<ushort> pixels, double off, double max) => Convert16Avx2<YbrToRgb16>(pixels, off, max);

    private static int RgbToYbr16Avx2(Span<ushort> pixels, double off, double max) => Convert16Avx2<RgbToYbr16>(pixels, off, max);

    /// <summary>One conversion on 4 pixels' samples (a, b, c) in float64 lanes, with the chroma offset.</summary>
    private interface IConversion16
    {
        static abstract void Apply(Vector256<double> a, Vector256<double> b, Vector256<double> c, Vector256<double> off,
            out Vector256<double> x, out Vector256<double> y, out Vector256<double> z);
    }

    private readonly struct YbrToRgb16 : IConversion16
    {
        public static void Apply(Vector256<double> y, Vector256<double> cb, Vector256<double> cr, Vector256<double> off,
            out Vector256<double> r, out Vector256<double> g, out Vector256<double> b)
        {
            cb = Avx.Subtract(cb, off);
            cr = Avx.Subtract(cr, off);
            r = Avx.Add(y, Avx.Multiply(Vector256.Create(W16R), cr));
            g = Avx.Subtract(Avx.Subtract(y, Avx.Multiply(Vector256.Create(W16Gb), cb)), Avx.Multiply(Vector256.Create(W16Gr), cr));
            b = Avx.Add(y, Avx.Multiply(Vector256.Create(W16B), cb));
        }
    }

    private readonly struct RgbToYbr16 : IConversion16
    {
        public static void Apply(Vector256<double> r, Vector256<double> g, Vector256<double> b, Vector256<double> off,
            out Vector256<double> y, out Vector256<double> cb, out Vector256<double> cr)
        {
            y = Luma(r, g, b);
            cb = ChromaB(r, g, b, off);
            cr = ChromaR(r, g, b, off);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Convert16Avx2<T>(Span<ushort> pixels, double off, double max) where T : struct, IConversion16
    {
        int n = pixels.Length / 24 * 24;
        ref byte p = ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(pixels));
        var vOff = Vector256.Create(off);
        var vMax = Vector256.Create(max);
        for (int i = 0; i < n; i += 24)
        {
            ref byte at = ref Unsafe.Add(ref p, 2 * i);
            SplitPlanes(ref at, s_split16, out var a, out var b, out var c);
            var (al, ah) = Widen(a);
            var (bl, bh) = Widen(b);
            var (cl, ch) = Widen(c);
            T.Apply(al, bl, cl, vOff, out var xl, out var yl, out var zl);
            T.Apply(ah, bh, ch, vOff, out var xh, out var yh, out var zh);
            MergePlanes(s_merge16, Narrow(xl, xh, vMax), Narrow(yl, yh, vMax), Narrow(zl, zh, vMax), ref at);
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Luma(Vector256<double> r, Vector256<double> g, Vector256<double> b)
        => Avx.Add(Avx.Add(Avx.Multiply(Vector256.Create(W16Yr), r), Avx.Multiply(Vector256.Create(W16Yg), g)), Avx.Multiply(Vector256.Create(W16Yb), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ChromaB(Vector256<double> r, Vector256<double> g, Vector256<double> b, Vector256<double> off)
        => Avx.Add(Avx.Add(Avx.Subtract(Avx.Multiply(Vector256.Create(W16Br), r), Avx.Multiply(Vector256.Create(W16Bg), g)), Avx.Multiply(Vector256.Create(W16Bb), b)), off);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ChromaR(Vector256<double> r, Vector256<double> g, Vector256<double> b, Vector256<double> off)
        => Avx.Add(Avx.Subtract(Avx.Subtract(Avx.Multiply(Vector256.Create(W16Rr), r), Avx.Multiply(Vector256.Create(W16Rg), g)), Avx.Multiply(Vector256.Create(W16Rb), b)), off);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Low, Vector256<double> High) Widen(Vector128<byte> samples)
    {
        var w = samples.AsUInt16();
        return (Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(w)),
            Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(Sse2.ShiftRightLogical128BitLane(w, 8))));
    }

    // Round16's floor(v + 0.5) and clamp to 0..max, for both halves, packed back to 8 unsigned 16-bit samples.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Narrow(Vector256<double> low, Vector256<double> high, Vector256<double> max)
    {
        var half = Vector256.Create(0.5);
        low = Avx.Min(Avx.Max(Avx.Floor(Avx.Add(low, half)), Vector256<double>.Zero), max);
        high = Avx.Min(Avx.Max(Avx.Floor(Avx.Add(high, half)), Vector256<double>.Zero), max);
        return Sse41.PackUnsignedSaturate(Avx.ConvertToVector128Int32WithTruncation(low), Avx.ConvertToVector128Int32WithTruncation(high)).AsByte();
    }
}
