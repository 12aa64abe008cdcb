using System.Buffers.Binary;

namespace PixelGen.Codecs.Rle;

/// <summary>The 64-byte RLE header (PS3.5 G.5): segment count then fifteen segment offsets, 32-bit little endian.</summary>
internal static class RleHeader
{
    /// <summary>Header size in bytes.</summary>
    public const int Length = 64;

    /// <summary>Most segments a frame can have.</summary>
    public const int MaxSegments = 15;

    /// <summary>
    /// Reads and checks the header of one frame: the segment count must be <paramref name="expectedSegments"/>,
    /// offsets must start at or after the header, increase strictly and lie inside the frame.
    /// Fills <paramref name="starts"/> and <paramref name="ends"/> (one entry per segment).
    /// </summary>
    public static void Read(ReadOnlySpan<byte> frame, int expectedSegments, Span<int> starts, Span<int> ends)
    {
        if (frame.Length < Length)
            throw new PixelDataException($"RLE frame is {frame.Length} bytes, shorter than the 64-byte RLE header", offset: frame.Length);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (count != (uint)expectedSegments)
            throw new PixelDataException(
                $"RLE header declares {count} segments but the layout needs {expectedSegments} (one per byte of each sample)", offset: 0);
        long previous = Length - 1;
        for (int i = 0; i < expectedSegments; i++)
        {
            uint offset = BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + 4 * i)..]);
            if (offset <= previous || offset >= (uint)frame.Length)
                throw new PixelDataException(
                    $"RLE segment {i} offset {offset} is invalid (must exceed {previous} and lie inside the {frame.Length}-byte frame)", offset: 4 + 4 * i);
            starts[i] = (int)offset;
            if (i > 0) ends[i - 1] = (int)offset;
            previous = offset;
        }
        ends[expectedSegments - 1] = frame.Length;
    }
}
