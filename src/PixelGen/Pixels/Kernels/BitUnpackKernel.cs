using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PixelGen.Pixels.Kernels;

/// <summary>1-bit data (LSB first, PS3.5 8.1.1) to one byte per pixel, 0 or 1.</summary>
internal static class BitUnpackKernel
{
    // Eight output bytes per input byte, as one little-endian ulong: bit k of the input → byte k.
    private static readonly ulong[] s_table = BuildTable();

    private static ulong[] BuildTable()
    {
        var t = new ulong[256];
        for (int b = 0; b < 256; b++)
            for (int k = 0; k < 8; k++)
                if ((b & (1 << k)) != 0) t[b] |= 1UL << (8 * k);
        return t;
    }

    /// <summary>Unpacks <paramref name="pixels"/> bits starting at bit 0 of <paramref name="packed"/>.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, Span<byte> destination, int pixels)
    {
        if (packed.Length < (pixels + 7L) / 8 || destination.Length < pixels)
            throw new ArgumentException("buffers too small for the 1-bit frame");
        int whole = pixels / 8;
        ulong[] table = s_table;
        ref byte d = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < whole; i++)
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, i * 8), table[packed[i]]);
        int rest = pixels - whole * 8;
        if (rest > 0)
        {
            int last = packed[whole];
            for (int k = 0; k < rest; k++) destination[whole * 8 + k] = (byte)((last >> k) & 1);
        }
    }

    /// <summary>
    /// Copies <paramref name="bitCount"/> bits that start <paramref name="bitOffset"/> bits into <paramref name="source"/>
    /// to bit 0 of <paramref name="destination"/> (LSB first), zeroing the unused high bits of the last byte.
    /// Frames of 1-bit multi-frame data need not start on a byte boundary.
    /// </summary>
    public static void Realign(ReadOnlySpan<byte> source, long bitOffset, long bitCount, Span<byte> destination)
    {
        int bytes = checked((int)((bitCount + 7) / 8));
        if (bitOffset < 0 || (bitOffset + bitCount + 7) / 8 > source.Length || destination.Length < bytes)
            throw new ArgumentException("buffers too small for the requested bits");
        int start = (int)(bitOffset / 8), shift = (int)(bitOffset % 8);
        if (shift == 0) source.Slice(start, bytes).CopyTo(destination);
        else
            for (int i = 0; i < bytes; i++)
            {
                int lo = source[start + i] >> shift;
                int hi = start + i + 1 < source.Length ? source[start + i + 1] << (8 - shift) : 0;
                destination[i] = (byte)(lo | hi);
            }
        int tail = (int)(bitCount % 8);
        if (tail != 0) destination[bytes - 1] &= (byte)((1 << tail) - 1);
    }
}
