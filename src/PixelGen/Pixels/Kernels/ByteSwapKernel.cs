using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PixelGen.Pixels.Kernels;

/// <summary>
/// Byte-order reversal of whole units (2, 4 or 8 bytes), source to destination or in place. The BCL's span
/// overloads of <see cref="BinaryPrimitives.ReverseEndianness(ReadOnlySpan{ushort}, Span{ushort})"/> are
/// Vector128/Vector256 shuffles, which is what we want; this class only adapts byte spans to them.
/// </summary>
internal static class ByteSwapKernel
{
    /// <summary>Reverses each <paramref name="unit"/>-byte group of <paramref name="source"/> into <paramref name="destination"/> (same length or longer; may be the same memory).</summary>
    public static void Swap(ReadOnlySpan<byte> source, Span<byte> destination, int unit)
    {
        // Both lengths were validated by the caller; the length must be a whole number of units.
        switch (unit)
        {
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(source), MemoryMarshal.Cast<byte, ushort>(destination));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(source), MemoryMarshal.Cast<byte, uint>(destination));
                break;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(source), MemoryMarshal.Cast<byte, ulong>(destination));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "swap unit must be 2, 4 or 8");
        }
    }
}
