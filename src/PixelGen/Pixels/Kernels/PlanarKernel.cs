using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PixelGen.Pixels.Kernels;

/// <summary>Planar (R1R2…G1G2…B1B2…) to interleaved (R1G1B1R2G2B2…) sample order.</summary>
internal static class PlanarKernel
{
    /// <summary>Converts <paramref name="pixels"/> pixels of <paramref name="samples"/> planes of <paramref name="elementSize"/>-byte values.</summary>
    public static void ToInterleaved(ReadOnlySpan<byte> planar, Span<byte> interleaved, int pixels, int samples, int elementSize)
    {
        long total = (long)pixels * samples * elementSize;
        if (planar.Length < total || interleaved.Length < total) throw new ArgumentException("buffers too small for the planar frame");
        switch (elementSize)
        {
            case 1 when samples == 3: Rgb8(planar, interleaved, pixels); break;
            case 1: Generic(planar, interleaved, pixels, samples); break;
            case 2: Generic(MemoryMarshal.Cast<byte, ushort>(planar), MemoryMarshal.Cast<byte, ushort>(interleaved), pixels, samples); break;
            case 4: Generic(MemoryMarshal.Cast<byte, uint>(planar), MemoryMarshal.Cast<byte, uint>(interleaved), pixels, samples); break;
            case 8: Generic(MemoryMarshal.Cast<byte, ulong>(planar), MemoryMarshal.Cast<byte, ulong>(interleaved), pixels, samples); break;
            default: throw new ArgumentOutOfRangeException(nameof(elementSize));
        }
    }

    private static void Generic<T>(ReadOnlySpan<T> planar, Span<T> interleaved, int pixels, int samples) where T : unmanaged
    {
        for (int s = 0; s < samples; s++)
        {
            var plane = planar.Slice(s * pixels, pixels);
            ref T d = ref Unsafe.Add(ref MemoryMarshal.GetReference(interleaved), s);
            for (int p = 0; p < plane.Length; p++)
                Unsafe.Add(ref d, (nint)p * samples) = plane[p];
        }
    }

    // 16 pixels per step: each 16-byte output chunk is three byte shuffles (one per plane) OR-ed together;
    // index 0xFF selects zero, so the shuffles never disturb each other's bytes.
    private static void Rgb8(ReadOnlySpan<byte> planar, Span<byte> interleaved, int pixels)
    {
        ref byte r = ref MemoryMarshal.GetReference(planar);
        ref byte g = ref Unsafe.Add(ref r, pixels);
        ref byte b = ref Unsafe.Add(ref g, pixels);
        ref byte d = ref MemoryMarshal.GetReference(interleaved);
        nuint p = 0, n = (nuint)pixels;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; p + 16 <= n; p += 16)
            {
                var vr = Vector128.LoadUnsafe(ref r, p);
                var vg = Vector128.LoadUnsafe(ref g, p);
                var vb = Vector128.LoadUnsafe(ref b, p);
                nuint o = p * 3;
                (Vector128.Shuffle(vr, R0) | Vector128.Shuffle(vg, G0) | Vector128.Shuffle(vb, B0)).StoreUnsafe(ref d, o);
                (Vector128.Shuffle(vr, R1) | Vector128.Shuffle(vg, G1) | Vector128.Shuffle(vb, B1)).StoreUnsafe(ref d, o + 16);
                (Vector128.Shuffle(vr, R2) | Vector128.Shuffle(vg, G2) | Vector128.Shuffle(vb, B2)).StoreUnsafe(ref d, o + 32);
            }
        }
        for (; p < n; p++)
        {
            nuint o = p * 3;
            Unsafe.Add(ref d, o) = Unsafe.Add(ref r, p);
            Unsafe.Add(ref d, o + 1) = Unsafe.Add(ref g, p);
            Unsafe.Add(ref d, o + 2) = Unsafe.Add(ref b, p);
        }
    }

    private static Vector128<byte> R0 => Vector128.Create((byte)0, 0xFF, 0xFF, 1, 0xFF, 0xFF, 2, 0xFF, 0xFF, 3, 0xFF, 0xFF, 4, 0xFF, 0xFF, 5);
    private static Vector128<byte> G0 => Vector128.Create((byte)0xFF, 0, 0xFF, 0xFF, 1, 0xFF, 0xFF, 2, 0xFF, 0xFF, 3, 0xFF, 0xFF, 4, 0xFF, 0xFF);
    private static Vector128<byte> B0 => Vector128.Create((byte)0xFF, 0xFF, 0, 0xFF, 0xFF, 1, 0xFF, 0xFF, 2, 0xFF, 0xFF, 3, 0xFF, 0xFF, 4, 0xFF);
    private static Vector128<byte> R1 => Vector128.Create((byte)0xFF, 0xFF, 6, 0xFF, 0xFF, 7, 0xFF, 0xFF, 8, 0xFF, 0xFF, 9, 0xFF, 0xFF, 10, 0xFF);
    private static Vector128<byte> G1 => Vector128.Create((byte)5, 0xFF, 0xFF, 6, 0xFF, 0xFF, 7, 0xFF, 0xFF, 8, 0xFF, 0xFF, 9, 0xFF, 0xFF, 10);
    private static Vector128<byte> B1 => Vector128.Create((byte)0xFF, 5, 0xFF, 0xFF, 6, 0xFF, 0xFF, 7, 0xFF, 0xFF, 8, 0xFF, 0xFF, 9, 0xFF, 0xFF);
    private static Vector128<byte> R2 => Vector128.Create((byte)0xFF, 11, 0xFF, 0xFF, 12, 0xFF, 0xFF, 13, 0xFF, 0xFF, 14, 0xFF, 0xFF, 15, 0xFF, 0xFF);
    private static Vector128<byte> G2 => Vector128.Create((byte)0xFF, 0xFF, 11, 0xFF, 0xFF, 12, 0xFF, 0xFF, 13, 0xFF, 0xFF, 14, 0xFF, 0xFF, 15, 0xFF);
    private static Vector128<byte> B2 => Vector128.Create((byte)10, 0xFF, 0xFF, 11, 0xFF, 0xFF, 12, 0xFF, 0xFF, 13, 0xFF, 0xFF, 14, 0xFF, 0xFF, 15);
}
