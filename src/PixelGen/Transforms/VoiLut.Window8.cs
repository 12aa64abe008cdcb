using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PixelGen.Transforms;

// The fast path for the commonest display case: a LINEAR / LINEAR_EXACT window from 16-bit samples into bytes.
// float32 lanes compute y = (x − c)·k + o (one fused multiply-add), clamp to the output range and round half to even; that equals the
// float64 reference (WindowValue rounded half to even) except at the few inputs whose value lies within float32
// error of a rounding tie. A 16-bit input has at most 65,536 values, so the plan walks every input that can
// differ (the window's integer range plus one on each side: outside it both sides are constant, and the float32
// lanes are monotone) once, records the inputs where the two disagree, and the loop patches exactly those.
public sealed partial class VoiLut
{
    private const int MaxPlanExceptions = 8;

    private sealed class Window8Plan
    {
        public float C, K, O, Min, Max;
        public bool Clamp;
        public ushort[] ExceptionRaw = [];
        public byte[] ExceptionValue = [];
        public Vector256<ushort>[] ExceptionVectors = [];
    }

    private static readonly Window8Plan s_noPlan = new();
    private Window8Plan? _planUnsigned, _planSigned;

    /// <summary>Tests: the exceptions of the cached 16 → 8-bit plan (null when none was built or none is possible).</summary>
    internal int? PlannedExceptionCount(bool signed)
    {
        var plan = signed ? _planSigned : _planUnsigned;
        return plan is null || ReferenceEquals(plan, s_noPlan) ? null : plan.ExceptionRaw.Length;
    }

    private int WindowTo8BitPlanned<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
        where TIn : unmanaged, INumberBase<TIn> where TOut : unmanaged, INumberBase<TOut>
    {
        if (!Avx2.IsSupported || !Fma.IsSupported || source.Length < 16) return 0;
        bool signed = typeof(TIn) == typeof(short);
        ref var slot = ref signed ? ref _planSigned : ref _planUnsigned;
        var plan = Volatile.Read(ref slot);
        if (plan is null)
        {
            // Walking the window costs one float64 evaluation per input value; only worth it when the data is
            // at least that large (the plan is kept for every later call on this transform).
            if (ScanLength(signed) > source.Length) return 0;
            plan = BuildPlan(signed);
            Volatile.Write(ref slot, plan);
        }
        if (ReferenceEquals(plan, s_noPlan)) return 0;
        var src = MemoryMarshal.Cast<TIn, ushort>(source);
        var dst = MemoryMarshal.Cast<TOut, byte>(destination);
        return signed ? Window8Loop<short>(plan, src, dst) : Window8Loop<ushort>(plan, src, dst);
    }

    private (double C, double W) LinearParameters()
    {
        double c = Center, w = Width;
        if (Function == VoiLutFunction.Linear) { c -= 0.5; w -= 1; }
        return (c, w);
    }

    private (long First, long Last) ScanRange(bool signed)
    {
        var (c, w) = LinearParameters();
        long typeMin = signed ? short.MinValue : 0, typeMax = signed ? short.MaxValue : ushort.MaxValue;
        double lo = Math.Clamp(Math.Floor(c - w / 2), typeMin, typeMax);
        double hi = Math.Clamp(Math.Floor(c + w / 2) + 1, typeMin, typeMax);
        return ((long)lo, (long)hi);
    }

    private long ScanLength(bool signed)
    {
        var (first, last) = ScanRange(signed);
        return last - first + 1;
    }

    private Window8Plan BuildPlan(bool signed)
    {
        var (c, w) = LinearParameters();
        if (!(w > 0)) return s_noPlan;
        double range = OutputMax - OutputMin;
        double k = range / w, o = 0.5 * range + OutputMin;
        if (!double.IsFinite(k) || !double.IsFinite(o)) return s_noPlan;
        var plan = new Window8Plan
        {
            C = (float)c, K = (float)k, O = (float)o, Min = (float)OutputMin, Max = (float)OutputMax,
        };
        if (!float.IsFinite(plan.C) || !float.IsFinite(plan.K) || !float.IsFinite(plan.O) || !float.IsFinite(plan.Min) || !float.IsFinite(plan.Max))
            return s_noPlan;
        // Byte saturation does the clamping when the rounded range covers 0..255 and the unclamped values stay
        // well inside int32 (so the float → int conversion cannot overflow).
        double reach = (65536 + Math.Abs(c)) * k + Math.Abs(o);
        plan.Clamp = !(Math.Round(OutputMin, MidpointRounding.ToEven) <= 0 && Math.Round(OutputMax, MidpointRounding.ToEven) >= 255 && reach < 1e9);
        if (plan.Clamp && !(Math.Abs(OutputMin) < 1e9 && Math.Abs(OutputMax) < 1e9)) return s_noPlan;
        // Outside the scanned inputs the float32 lanes give the clamped ends; those must round like the reference.
        if (Saturate8(MathF.Round(plan.Clamp ? plan.Min : float.NegativeInfinity)) != Saturate8(Math.Round(OutputMin, MidpointRounding.ToEven))
            || Saturate8(MathF.Round(plan.Clamp ? plan.Max : float.PositiveInfinity)) != Saturate8(Math.Round(OutputMax, MidpointRounding.ToEven)))
            return s_noPlan;

        var (first, last) = ScanRange(signed);
        var raws = new List<ushort>();
        var values = new List<byte>();
        for (long x = first; x <= last; x++)
        {
            byte exact = Saturate8(Math.Round(WindowValue(x), MidpointRounding.ToEven));
            if (Fast8(plan, x) == exact) continue;
            if (raws.Count == MaxPlanExceptions) return s_noPlan;
            raws.Add(unchecked((ushort)x));
            values.Add(exact);
        }
        plan.ExceptionRaw = raws.ToArray();
        plan.ExceptionValue = values.ToArray();
        plan.ExceptionVectors = raws.Select(r => Vector256.Create(r)).ToArray();
        return plan;
    }

    // The scalar twin of one vector lane: the same float32 operations (a fused multiply-add in both).
    private static byte Fast8(Window8Plan p, long x)
    {
        float y = MathF.FusedMultiplyAdd((float)x - p.C, p.K, p.O);
        if (p.Clamp) y = MathF.Min(MathF.Max(y, p.Min), p.Max);
        if (!(y >= -2147483648f && y < 2147483648f)) return 0; // cvtps2dq's 0x80000000, saturated to 0
        return Saturate8(MathF.Round(y, MidpointRounding.ToEven));
    }

    private static byte Saturate8(double v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)v;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Window8Loop<T>(Window8Plan p, ReadOnlySpan<ushort> src, Span<byte> dst) where T : unmanaged
    {
        int n = src.Length & ~31;
        ref ushort s0 = ref MemoryMarshal.GetReference(src);
        ref byte d0 = ref MemoryMarshal.GetReference(dst);
        var vC = Vector256.Create(p.C);
        var vK = Vector256.Create(p.K);
        var vO = Vector256.Create(p.O);
        var vMin = Vector256.Create(p.Min);
        var vMax = Vector256.Create(p.Max);
        // packssdw/packuswb work per 128-bit lane; this restores pixel order.
        var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        bool clamp = p.Clamp;
        var exceptions = p.ExceptionVectors;
        var hits = Vector256<ushort>.Zero;
        for (int i = 0; i < n; i += 32)
        {
            var rawA = Vector256.LoadUnsafe(ref s0, (nuint)i);
            var rawB = Vector256.LoadUnsafe(ref s0, (nuint)i + 16);
            var a = Window8Lanes<T>(rawA, vC, vK, vO, vMin, vMax, clamp);
            var b = Window8Lanes<T>(rawB, vC, vK, vO, vMin, vMax, clamp);
            var bytes = Avx2.PackUnsignedSaturate(a, b);
            Avx2.PermuteVar8x32(bytes.AsInt32(), order).AsByte().StoreUnsafe(ref d0, (nuint)i);
            if (exceptions.Length != 0)
            {
                // Only noted here: a call inside this loop would make the JIT spill the constants every step.
                for (int e = 0; e < exceptions.Length; e++) hits |= Vector256.Equals(rawA, exceptions[e]) | Vector256.Equals(rawB, exceptions[e]);
            }
        }
        if (hits != Vector256<ushort>.Zero) PatchExceptions(p, src[..n], dst);
        return n;
    }

    // 16 samples → 16 rounded, saturated int16 values (in packssdw's lane order).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Window8Lanes<T>(Vector256<ushort> raw, Vector256<float> vC, Vector256<float> vK, Vector256<float> vO,
        Vector256<float> vMin, Vector256<float> vMax, bool clamp) where T : unmanaged
    {
        Vector256<int> x0, x1;
        if (typeof(T) == typeof(short))
        {
            x0 = Avx2.ConvertToVector256Int32(raw.GetLower().AsInt16());
            x1 = Avx2.ConvertToVector256Int32(raw.GetUpper().AsInt16());
        }
        else
        {
            x0 = Avx2.ConvertToVector256Int32(raw.GetLower());
            x1 = Avx2.ConvertToVector256Int32(raw.GetUpper());
        }
        var y0 = Fma.MultiplyAdd(Avx.Subtract(Avx.ConvertToVector256Single(x0), vC), vK, vO);
        var y1 = Fma.MultiplyAdd(Avx.Subtract(Avx.ConvertToVector256Single(x1), vC), vK, vO);
        if (clamp)
        {
            y0 = Avx.Min(Avx.Max(y0, vMin), vMax);
            y1 = Avx.Min(Avx.Max(y1, vMin), vMax);
        }
        // Rounds half to even (the MXCSR default), like MathF.Round in the scalar twin.
        return Avx2.PackSignedSaturate(Avx.ConvertToVector256Int32(y0), Avx.ConvertToVector256Int32(y1));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PatchExceptions(Window8Plan p, ReadOnlySpan<ushort> src, Span<byte> dst)
    {
        for (int i = 0; i + 16 <= src.Length; i += 16)
        {
            var raw = Vector256.Create(src.Slice(i, 16));
            var hit = Vector256<ushort>.Zero;
            foreach (var e in p.ExceptionVectors) hit |= Vector256.Equals(raw, e);
            if (hit == Vector256<ushort>.Zero) continue;
            for (int j = i; j < i + 16; j++)
            {
                int at = Array.IndexOf(p.ExceptionRaw, src[j]);
                if (at >= 0) dst[j] = p.ExceptionValue[at];
            }
        }
    }
}
