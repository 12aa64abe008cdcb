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

    // pshufb masks: plane c of 8 pixels from each of the three 16-byte source vectors, and output block k from plane c.
    private static readonly Vector128<byte>[] s_split16 = BuildSplit16();
    private static readonly Vector128<byte>[] s_merge16 = BuildMerge16();

    private static Vector128<byte>[] BuildSplit16()
    {
        var masks = new Vector128<byte>[9];
        Span<byte> m = stackalloc byte[16];
        for (int c = 0; c < 3; c++)
            for (int v = 0; v < 3; v++)
            {
                for (int j = 0; j < 16; j++)
                {
                    int at = 2 * (3 * (j / 2) + c) + (j & 1);
                    m[j] = at / 16 == v ? (byte)(at % 16) : (byte)0x80;
                }
                masks[3 * c + v] = Vector128.Create<byte>(m);
            }
        return masks;
    }

    private static Vector128<byte>[] BuildMerge16()
    {
        var masks = new Vector128<byte>[9];
        Span<byte> m = stackalloc byte[16];
        for (int k = 0; k < 3; k++)
            for (int c = 0; c < 3; c++)
            {
                for (int j = 0; j < 16; j++)
                {
                    int g = 16 * k + j, sample = g / 2;
                    m[j] = sample % 3 == c ? (byte)(2 * (sample / 3) + (g & 1)) : (byte)0x80;
                }
                masks[3 * k + c] = Vector128.Create<byte>(m);
            }
        return masks;
    }

    private static int YbrToRgb16Avx2(Span<ushort> pixels, double off, double max)
    {
        int n = pixels.Length / 24 * 24;
        ref byte p = ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(pixels));
        var vOff = Vector256.Create(off);
        var vMax = Vector256.Create(max);
        for (int i = 0; i < n; i += 24)
        {
            ref byte at = ref Unsafe.Add(ref p, 2 * i);
            Split16(ref at, out var y, out var cb, out var cr);
            var (yl, yh) = Widen(y);
            var (cbl, cbh) = Widen(cb);
            var (crl, crh) = Widen(cr);
            cbl -= vOff; cbh -= vOff; crl -= vOff; crh -= vOff;
            var r = Narrow(Avx.Add(yl, Avx.Multiply(Vector256.Create(W16R), crl)), Avx.Add(yh, Avx.Multiply(Vector256.Create(W16R), crh)), vMax);
            var g = Narrow(Avx.Subtract(Avx.Subtract(yl, Avx.Multiply(Vector256.Create(W16Gb), cbl)), Avx.Multiply(Vector256.Create(W16Gr), crl)),
                Avx.Subtract(Avx.Subtract(yh, Avx.Multiply(Vector256.Create(W16Gb), cbh)), Avx.Multiply(Vector256.Create(W16Gr), crh)), vMax);
            var b = Narrow(Avx.Add(yl, Avx.Multiply(Vector256.Create(W16B), cbl)), Avx.Add(yh, Avx.Multiply(Vector256.Create(W16B), cbh)), vMax);
            Merge16(r, g, b, ref at);
        }
        return n;
    }

    private static int RgbToYbr16Avx2(Span<ushort> pixels, double off, double max)
    {
        int n = pixels.Length / 24 * 24;
        ref byte p = ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(pixels));
        var vOff = Vector256.Create(off);
        var vMax = Vector256.Create(max);
        for (int i = 0; i < n; i += 24)
        {
            ref byte at = ref Unsafe.Add(ref p, 2 * i);
            Split16(ref at, out var r, out var g, out var b);
            var (rl, rh) = Widen(r);
            var (gl, gh) = Widen(g);
            var (bl, bh) = Widen(b);
            var y = Narrow(Luma(rl, gl, bl), Luma(rh, gh, bh), vMax);
            var cb = Narrow(ChromaB(rl, gl, bl, vOff), ChromaB(rh, gh, bh, vOff), vMax);
            var cr = Narrow(ChromaR(rl, gl, bl, vOff), ChromaR(rh, gh, bh, vOff), vMax);
            Merge16(y, cb, cr, ref at);
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
    private static void Split16(ref byte at, out Vector128<byte> a, out Vector128<byte> b, out Vector128<byte> c)
    {
        var v0 = Vector128.LoadUnsafe(ref at);
        var v1 = Vector128.LoadUnsafe(ref at, 16);
        var v2 = Vector128.LoadUnsafe(ref at, 32);
        var m = s_split16;
        a = Ssse3.Shuffle(v0, m[0]) | Ssse3.Shuffle(v1, m[1]) | Ssse3.Shuffle(v2, m[2]);
        b = Ssse3.Shuffle(v0, m[3]) | Ssse3.Shuffle(v1, m[4]) | Ssse3.Shuffle(v2, m[5]);
        c = Ssse3.Shuffle(v0, m[6]) | Ssse3.Shuffle(v1, m[7]) | Ssse3.Shuffle(v2, m[8]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge16(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, ref byte at)
    {
        var m = s_merge16;
        (Ssse3.Shuffle(a, m[0]) | Ssse3.Shuffle(b, m[1]) | Ssse3.Shuffle(c, m[2])).StoreUnsafe(ref at);
        (Ssse3.Shuffle(a, m[3]) | Ssse3.Shuffle(b, m[4]) | Ssse3.Shuffle(c, m[5])).StoreUnsafe(ref at, 16);
        (Ssse3.Shuffle(a, m[6]) | Ssse3.Shuffle(b, m[7]) | Ssse3.Shuffle(c, m[8])).StoreUnsafe(ref at, 32);
    }

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
