using System.Runtime.InteropServices;

namespace PixelGen.Pixels.Kernels;

/// <summary>
/// Native YBR_FULL_422 upsampling: each stored group Y1 Y2 Cb Cr becomes two full triplets Y1 Cb Cr, Y2 Cb Cr
/// (PS3.3 C.7.6.3.1.2). The colour space stays YBR_FULL, as pydicom and the corpus references return it.
/// </summary>
internal static class Ybr422Kernel
{
    /// <summary>Upsamples <paramref name="pixels"/> pixels (an even count) of <paramref name="elementSize"/>-byte samples.</summary>
    public static void Upsample(ReadOnlySpan<byte> stored, Span<byte> full, int pixels, int elementSize)
    {
        switch (elementSize)
        {
            case 1: Upsample(stored, full, pixels); break;
            case 2: Upsample(MemoryMarshal.Cast<byte, ushort>(stored), MemoryMarshal.Cast<byte, ushort>(full), pixels); break;
            case 4: Upsample(MemoryMarshal.Cast<byte, uint>(stored), MemoryMarshal.Cast<byte, uint>(full), pixels); break;
            case 8: Upsample(MemoryMarshal.Cast<byte, ulong>(stored), MemoryMarshal.Cast<byte, ulong>(full), pixels); break;
            default: throw new ArgumentOutOfRangeException(nameof(elementSize));
        }
    }

    private static void Upsample<T>(ReadOnlySpan<T> stored, Span<T> full, int pixels) where T : unmanaged
    {
        int groups = pixels / 2;
        stored = stored[..(groups * 4)];
        full = full[..(groups * 6)];
        for (int g = 0, s = 0, d = 0; g < groups; g++, s += 4, d += 6)
        {
            T y1 = stored[s], y2 = stored[s + 1], cb = stored[s + 2], cr = stored[s + 3];
            full[d] = y1; full[d + 1] = cb; full[d + 2] = cr;
            full[d + 3] = y2; full[d + 4] = cb; full[d + 5] = cr;
        }
    }
}
