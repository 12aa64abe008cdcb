using System.Buffers.Binary;
using PixelGen.Dicom;

namespace PixelGen.Writing;

/// <summary>
/// Walks the items of a deferred undefined-length value (encapsulated pixel data as read) by their headers only,
/// to learn its total length (items and sequence delimiter) and fragment count without reading the fragments.
/// </summary>
internal static class EncapsulatedScanner
{
    internal readonly record struct Result(long TotalLength, int Fragments, int OffsetTableEntries);

    public static Result Scan(DicomElement element)
    {
        long available = element.Source is { } src ? src.Length - element.ValueOffset : 0;
        Span<byte> header = stackalloc byte[8];
        long pos = 0;
        int items = 0, botEntries = 0;
        while (true)
        {
            long at = element.ValueOffset + pos;
            if (element.CopyRawValue(pos, header) < 8)
                throw new DicomFormatException($"Encapsulated {element.Tag} ends after {items} items without a Sequence Delimitation Item", at);
            ushort group = BinaryPrimitives.ReadUInt16LittleEndian(header);
            ushort elem = BinaryPrimitives.ReadUInt16LittleEndian(header[2..]);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            if (group == 0xFFFE && elem == 0xE0DD) return new Result(pos + 8, Math.Max(items - 1, 0), botEntries);
            if (group != 0xFFFE || elem != 0xE000)
                throw new DicomFormatException($"Encapsulated {element.Tag}: expected an item (FFFE,E000) or sequence delimiter, found ({group:X4},{elem:X4})", at);
            if (length == DicomElement.UndefinedLength || pos + 8 + length > available)
                throw new DicomFormatException($"Encapsulated {element.Tag}: item {items} declares {length} bytes but the source holds {Math.Max(available - pos - 8, 0)} more", at);
            if (items == 0) botEntries = (int)(length / 4);
            items++;
            pos += 8 + length;
        }
    }
}
