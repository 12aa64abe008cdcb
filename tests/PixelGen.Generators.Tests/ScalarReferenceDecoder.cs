using System.Buffers.Binary;
using PixelGen.Layout;

namespace PixelGen.Generators.Tests;

/// <summary>
/// The decoding contract written as plainly as possible, one sample at a time, independent of the generator:
/// locate the stored sample (planar or not), undo the byte order (OW swaps 16-bit words even for byte data,
/// OB never, other VRs per value; 1-bit data never), then shift down from High Bit, mask to Bits Stored and sign-extend.
/// </summary>
internal static class ScalarReferenceDecoder
{
    public static byte[] Decode(LayoutCase c, ReadOnlySpan<byte> raw, int sampleCount)
    {
        int size = PixelLayoutRules.ElementSize(c.ElementType);
        var output = new byte[sampleCount * size];
        int planeLength = sampleCount / c.Samples;
        int swapUnit = c.SwapUnit;
        Span<byte> le = stackalloc byte[8];
        var bytes = new byte[Math.Max(size, 1)];
        for (int o = 0; o < sampleCount; o++)
        {
            int stored = c.Planar == 1 ? (o % c.Samples) * planeLength + o / c.Samples : o;
            ulong value;
            if (c.BitsAllocated == 1)
            {
                value = (ulong)((raw[stored >> 3] >> (stored & 7)) & 1);
            }
            else if (c.BitsAllocated == 8)
            {
                value = raw[swapUnit == 2 ? stored ^ 1 : stored];
            }
            else
            {
                raw.Slice(stored * size, size).CopyTo(bytes);
                if (swapUnit == size) Array.Reverse(bytes);
                else if (swapUnit == 2)
                    for (int k = 0; k < size; k += 2) (bytes[k], bytes[k + 1]) = (bytes[k + 1], bytes[k]);
                value = 0;
                for (int k = size - 1; k >= 0; k--) value = (value << 8) | bytes[k];
            }

            if (c.Kind == PixelDataKind.Integer && c.BitsAllocated > 1)
            {
                ulong mask = PixelLayoutRules.ValueMask(c.BitsStored);
                value = (value >> PixelLayoutRules.ValueShift(c.BitsStored, c.HighBit)) & mask;
                if (c.Signed && ((value >> (c.BitsStored - 1)) & 1) == 1) value |= ~mask;
            }

            BinaryPrimitives.WriteUInt64LittleEndian(le, value);
            le[..size].CopyTo(output.AsSpan(o * size, size));
        }
        return output;
    }
}
