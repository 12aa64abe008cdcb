using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PixelGen.Pixels.Kernels;

/// <summary>
/// Masking and sign extension from Bits Stored as one shift pair: <c>(x &lt;&lt; left) &gt;&gt; right</c> where
/// <c>left = BitsAllocated − 1 − HighBit</c> drops the bits above High Bit and <c>right = BitsAllocated − BitsStored</c>
/// brings the value down to bit 0. The right shift is arithmetic for signed T (sign extension) and logical for
/// unsigned T (masking), so one kernel covers both.
/// </summary>
internal static class BitsStoredKernel
{
    /// <summary>Applies the shift pair to every element; <paramref name="destination"/> may be the same memory as <paramref name="source"/>.</summary>
    public static void ShiftPair<T>(ReadOnlySpan<T> source, Span<T> destination, int left, int right)
        where T : unmanaged, IBinaryInteger<T>
    {
        nuint n = (nuint)source.Length;
        if ((nuint)destination.Length < n) throw new ArgumentException("destination too small", nameof(destination));
        ref T s = ref MemoryMarshal.GetReference(source);
        ref T d = ref MemoryMarshal.GetReference(destination);
        nuint i = 0;
        if (Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<T>.Count)
        {
            nuint step = (nuint)Vector256<T>.Count;
            for (; i + 2 * step <= n; i += 2 * step)
            {
                var a = Vector256.LoadUnsafe(ref s, i);
                var b = Vector256.LoadUnsafe(ref s, i + step);
                ((a << left) >> right).StoreUnsafe(ref d, i);
                ((b << left) >> right).StoreUnsafe(ref d, i + step);
            }
            if (i + step <= n)
            {
                ((Vector256.LoadUnsafe(ref s, i) << left) >> right).StoreUnsafe(ref d, i);
                i += step;
            }
        }
        else if (Vector128.IsHardwareAccelerated && n >= (nuint)Vector128<T>.Count)
        {
            nuint step = (nuint)Vector128<T>.Count;
            for (; i + step <= n; i += step)
                ((Vector128.LoadUnsafe(ref s, i) << left) >> right).StoreUnsafe(ref d, i);
        }
        for (; i < n; i++)
            Unsafe.Add(ref d, i) = (Unsafe.Add(ref s, i) << left) >> right;
    }
}
