using System.Buffers.Binary;
using PixelGen.Dicom;
using PixelGen.IO;

namespace PixelGen.Frames;

/// <summary>One fragment item found by the scan.</summary>
internal readonly record struct Fragment(long ItemOffset, long DataOffset, uint Length, ushort FirstTwoBytes);

/// <summary>
/// Walks the items of encapsulated pixel data once: the Basic Offset Table item, then every fragment until the
/// sequence delimiter. Reads 10 bytes per item (header + first two data bytes) and nothing else.
/// </summary>
internal static class FragmentScanner
{
    /// <summary>Reads the BOT item at <paramref name="valueOffset"/>; returns its values and the offset of the first fragment item.</summary>
    public static uint[] ReadBasicOffsetTable(IRandomAccessSource source, long valueOffset, out long firstFragmentOffset)
    {
        Span<byte> header = stackalloc byte[8];
        ReadHeader(source, valueOffset, header, "Basic Offset Table item");
        uint tag = Tag(header);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (tag != ItemTag)
            throw new DicomFormatException($"Encapsulated pixel data must start with an item (the Basic Offset Table) but has tag {new DicomTag(tag)}", valueOffset);
        if (length == DicomElement.UndefinedLength || length % 4 != 0 || length > source.Length - valueOffset - 8)
            throw new DicomFormatException($"Basic Offset Table length {length} is not a multiple of 4 within the data", valueOffset);
        var bytes = new byte[length];
        source.ReadExactly(valueOffset + 8, bytes);
        var table = new uint[length / 4];
        for (int i = 0; i < table.Length; i++) table[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        firstFragmentOffset = valueOffset + 8 + length;
        return table;
    }

    /// <summary>
    /// Every fragment from <paramref name="firstFragmentOffset"/> to the sequence delimiter. Small fragments are
    /// walked through a 16 KiB block (several headers per read); after a large fragment only the 10 header bytes are read.
    /// </summary>
    public static List<Fragment> Scan(IRandomAccessSource source, long firstFragmentOffset)
    {
        const int BlockSize = 16 * 1024;
        var fragments = new List<Fragment>();
        var block = System.Buffers.ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            long blockStart = 0;
            int blockLength = 0;
            long pos = firstFragmentOffset;
            long end = source.Length;
            uint previousLength = 0;
            while (true)
            {
                if (end - pos < 8)
                    throw new DicomFormatException("Encapsulated pixel data ends without a sequence delimiter (truncated)", pos);
                if (pos < blockStart || pos + Math.Min(10, end - pos) > blockStart + blockLength)
                {
                    int want = (int)Math.Min(previousLength < BlockSize ? BlockSize : 10, end - pos);
                    blockStart = pos;
                    blockLength = ReadUpTo(source, pos, block.AsSpan(0, want));
                    if (blockLength < 8) throw new DicomFormatException("Encapsulated pixel data ends without a sequence delimiter (truncated)", pos);
                }
                var header = block.AsSpan((int)(pos - blockStart), (int)Math.Min(10, blockStart + blockLength - pos));
                uint tag = Tag(header);
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
                if (tag == SequenceDelimiterTag) return fragments;
                if (tag != ItemTag)
                    throw new DicomFormatException($"Expected a fragment item or sequence delimiter in encapsulated pixel data but found {new DicomTag(tag)}", pos);
                if (length == DicomElement.UndefinedLength || length > end - pos - 8)
                    throw new DicomFormatException($"Fragment {fragments.Count} declares {length} bytes but only {end - pos - 8} remain", pos);
                ushort firstTwo = header.Length >= 10 && length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[8..]) : (ushort)0;
                fragments.Add(new Fragment(pos, pos + 8, length, firstTwo));
                previousLength = length;
                pos += 8 + length;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(block);
        }
    }

    private static int ReadUpTo(IRandomAccessSource source, long offset, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            int n = source.Read(offset + done, destination[done..]);
            if (n <= 0) break;
            done += n;
        }
        return done;
    }

    /// <summary>True when the fragment's data ends with a JPEG EOI marker (FFD9), allowing one trailing pad byte.</summary>
    public static bool EndsWithEoi(IRandomAccessSource source, Fragment f)
    {
        if (f.Length < 2) return false;
        Span<byte> tail = stackalloc byte[3];
        int take = (int)Math.Min(3, f.Length);
        source.ReadExactly(f.DataOffset + f.Length - take, tail[..take]);
        var t = tail[..take];
        if (t[^2] == 0xFF && t[^1] == 0xD9) return true;
        return take == 3 && t[0] == 0xFF && t[1] == 0xD9 && t[2] == 0x00;
    }

    private const uint ItemTag = 0xFFFE_E000;
    private const uint SequenceDelimiterTag = 0xFFFE_E0DD;

    private static uint Tag(ReadOnlySpan<byte> h)
        => ((uint)BinaryPrimitives.ReadUInt16LittleEndian(h) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(h[2..]);

    private static void ReadHeader(IRandomAccessSource source, long offset, Span<byte> header, string what)
    {
        if (offset < 0 || source.Length - offset < header.Length)
            throw new DicomFormatException($"Truncated data: the {what} header runs past the end", offset);
        source.ReadExactly(offset, header);
    }
}
