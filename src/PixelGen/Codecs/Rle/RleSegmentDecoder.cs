using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PixelGen.Codecs.Rle;

/// <summary>PackBits decoding of one RLE segment (PS3.5 G.3.2) into exactly one plane of bytes.</summary>
internal static class RleSegmentDecoder
{
    /// <summary>
    /// Decodes <paramref name="segment"/> until <paramref name="plane"/> is full. Throws when the segment ends early
    /// or would produce more bytes than the plane holds; a trailing pad byte and no-op (−128) headers are allowed.
    /// </summary>
    /// <param name="segment">The encoded segment.</param>
    /// <param name="plane">Receives exactly its length in decoded bytes.</param>
    /// <param name="segmentIndex">For messages.</param>
    /// <param name="segmentOffset">Offset of the segment in the frame, for messages.</param>
    public static void Decode(ReadOnlySpan<byte> segment, Span<byte> plane, int segmentIndex, int segmentOffset)
    {
        ref byte src = ref MemoryMarshal.GetReference(segment);
        ref byte dst = ref MemoryMarshal.GetReference(plane);
        int n = segment.Length, m = plane.Length;
        int s = 0, d = 0;
        while (d < m)
        {
            if (s >= n)
                throw new PixelDataException($"RLE segment {segmentIndex} ends after {d} of {m} decoded bytes", offset: segmentOffset + s);
            int header = (sbyte)Unsafe.Add(ref src, s);
            s++;
            if (header >= 0)
            {
                int len = header + 1;
                if (len > n - s)
                    throw new PixelDataException($"RLE segment {segmentIndex}: literal run of {len} bytes overruns the segment", offset: segmentOffset + s - 1);
                if (len > m - d)
                    throw new PixelDataException($"RLE segment {segmentIndex} decodes to more than the frame's {m} bytes per segment", offset: segmentOffset + s - 1);
                // Runs are short: one 16-byte move when both sides have room, else an exact copy.
                if (len <= 16 && s + 16 <= n && d + 16 <= m)
                    Vector128.LoadUnsafe(ref src, (nuint)s).StoreUnsafe(ref dst, (nuint)d);
                else
                    Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref dst, d), ref Unsafe.Add(ref src, s), (uint)len);
                s += len;
                d += len;
            }
            else if (header != -128)
            {
                int len = 1 - header;
                if (s >= n)
                    throw new PixelDataException($"RLE segment {segmentIndex}: replicate run has no value byte", offset: segmentOffset + s - 1);
                if (len > m - d)
                    throw new PixelDataException($"RLE segment {segmentIndex} decodes to more than the frame's {m} bytes per segment", offset: segmentOffset + s - 1);
                byte value = Unsafe.Add(ref src, s);
                s++;
                if (len <= 16 && d + 16 <= m) Vector128.Create(value).StoreUnsafe(ref dst, (nuint)d);
                else Unsafe.InitBlockUnaligned(ref Unsafe.Add(ref dst, d), value, (uint)len);
                d += len;
            }
        }
        // The plane is full: what is left may only be no-op headers and the segment's even-length pad byte.
        for (; s < n; s++)
        {
            byte b = Unsafe.Add(ref src, s);
            if (b == 0x80 || (s == n - 1 && b == 0)) continue;
            throw new PixelDataException($"RLE segment {segmentIndex} holds more data than the frame's {m} bytes per segment", offset: segmentOffset + s);
        }
    }
}
