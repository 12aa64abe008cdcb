using PixelGen.IO;
using PixelGen.Layout;

namespace PixelGen.Dicom;

/// <summary>
/// Parses data set elements from a <see cref="SourceCursor"/>: explicit/implicit VR, either byte order, nested
/// sequences of defined and undefined length, UN sequences. Stops at the top-level pixel data element.
/// </summary>
internal sealed class DatasetParser
{
    private readonly SourceCursor _c;
    private readonly DicomReadOptions _options;
    private readonly List<string> _warnings;

    public DatasetParser(SourceCursor cursor, DicomReadOptions options, List<string> warnings)
    {
        _c = cursor;
        _options = options;
        _warnings = warnings;
    }

    /// <summary>The top-level pixel data element, once <see cref="ParseTopLevel"/> reached it.</summary>
    public PixelDataElementInfo? PixelData { get; private set; }

    /// <summary>The pixel data as a deferred element (value not read).</summary>
    public DicomElement? PixelDataElement { get; private set; }

    /// <summary>Parses the top-level data set until the end of the source or the pixel data element.</summary>
    public List<DicomElement> ParseTopLevel(bool explicitVR, bool littleEndian)
        => ParseElements(long.MaxValue, explicitVR, littleEndian, depth: 0, undefinedItem: false);

    /// <summary>Parses elements until <paramref name="end"/>, an item delimiter (undefined-length item) or, at top level, the end of data.</summary>
    private List<DicomElement> ParseElements(long end, bool explicitVR, bool le, int depth, bool undefinedItem)
    {
        var list = new List<DicomElement>();
        while (true)
        {
            if (end != long.MaxValue && _c.Position >= end)
            {
                if (_c.Position > end) throw new DicomFormatException("An element runs past the end of its item", _c.Position);
                break;
            }
            if (_c.Remaining == 0)
            {
                if (depth == 0) break;
                throw new DicomFormatException("Truncated data: the data ended inside a sequence item", _c.Position);
            }
            long start = _c.Position;
            if (depth == 0 && _c.Remaining < 8)
                throw new DicomFormatException($"Truncated data: {_c.Remaining} stray bytes where an element header was expected", start);
            ushort group = _c.ReadUInt16(le);
            ushort elem = _c.ReadUInt16(le);
            var tag = new DicomTag(group, elem);

            if (tag == DicomTags.ItemDelimitationItem)
            {
                _c.ReadUInt32(le);
                if (undefinedItem) return list;
                _warnings.Add($"Stray item delimiter at offset {start} ignored");
                continue;
            }
            if (tag == DicomTags.SequenceDelimitationItem || tag == DicomTags.Item)
                throw new DicomFormatException($"Unexpected {(tag == DicomTags.Item ? "item" : "sequence delimiter")} tag {tag} inside a data set", start);

            var element = ParseElement(tag, start, explicitVR, le, depth);
            if (element is null) return list; // reached the top-level pixel data
            list.Add(element);
        }
        return list;
    }

    private DicomElement? ParseElement(DicomTag tag, long start, bool explicitVR, bool le, int depth)
    {
        DicomVR vr, encodedVR = DicomVR.None;
        uint length;
        int headerLength;
        bool elementExplicit = explicitVR;
        if (explicitVR)
        {
            var vrBytes = _c.Peek(2);
            if (vrBytes.Length == 2 && DicomVRInfo.TryParse(vrBytes[0], vrBytes[1], out vr))
            {
                encodedVR = vr;
                _c.Position += 2;
            }
            else
            {
                // pydicom tolerates an implicit element in an explicit data set; so do we.
                elementExplicit = false;
                vr = DicomDictionary.VRFor(tag);
                _warnings.Add($"Element {tag} at offset {start} has no valid VR in an explicit VR data set: read as implicit VR ({DicomVRInfo.Code(vr)})");
            }
        }
        else
        {
            vr = DicomDictionary.VRFor(tag);
        }

        if (elementExplicit)
        {
            if (DicomVRInfo.HasLongLength(vr))
            {
                _c.Skip(2, "reserved bytes of an element header");
                length = _c.ReadUInt32(le);
                headerLength = 12;
            }
            else
            {
                length = _c.ReadUInt16(le);
                headerLength = 8;
            }
        }
        else
        {
            length = _c.ReadUInt32(le);
            headerLength = 8;
        }
        long valueOffset = _c.Position;

        if (depth == 0 && IsPixelDataTag(tag))
        {
            RecordPixelData(tag, vr, start, valueOffset, headerLength, length, le, encodedVR);
            return null;
        }

        if (length == DicomElement.UndefinedLength)
            return ParseUndefinedLength(tag, vr, encodedVR, start, valueOffset, headerLength, explicitVR, le, depth);

        if (length > _c.Remaining)
            throw new DicomFormatException($"Element {tag} {DicomVRInfo.Code(vr)} declares {length} bytes but only {_c.Remaining} remain", start);

        // An explicit UN of a known attribute gets the dictionary's VR (as pydicom does).
        if (vr == DicomVR.UN && encodedVR == DicomVR.UN)
        {
            var known = DicomDictionary.VRFor(tag);
            if (known == DicomVR.SQ)
            {
                var items = TryParseUnSequence(tag, valueOffset, length, depth);
                if (items is not null)
                    return new DicomElement(tag, items, length, true, start, valueOffset) { HeaderLength = headerLength, EncodedVR = encodedVR };
            }
            else if (known != DicomVR.UN) vr = known;
        }

        if (vr == DicomVR.SQ)
        {
            var items = ParseItems(tag, valueOffset, length, explicitVR, le, depth);
            return new DicomElement(tag, items, length, le, start, valueOffset) { HeaderLength = headerLength, EncodedVR = encodedVR };
        }

        if (length > (uint)_options.DeferValuesLongerThan)
        {
            _c.Skip(length, $"value of {tag}");
            return new DicomElement(tag, vr, _c.Source, valueOffset, length, le, start) { HeaderLength = headerLength, EncodedVR = encodedVR };
        }
        var value = _c.ReadBytes(length, $"value of {tag}");
        return new DicomElement(tag, vr, value, le, start, valueOffset) { HeaderLength = headerLength, EncodedVR = encodedVR };
    }

    private DicomElement ParseUndefinedLength(DicomTag tag, DicomVR vr, DicomVR encodedVR, long start, long valueOffset, int headerLength, bool explicitVR, bool le, int depth)
    {
        if (IsPixelDataTag(tag) || vr is DicomVR.OB or DicomVR.OW)
        {
            // Encapsulated pixel data nested in an item (e.g. an Icon Image Sequence): skip its fragments.
            SkipFragments(tag, le);
            return new DicomElement(tag, vr, _c.Source, valueOffset, DicomElement.UndefinedLength, le, start) { HeaderLength = headerLength, EncodedVR = encodedVR };
        }
        if (vr == DicomVR.UN || (encodedVR == DicomVR.None && !explicitVR && vr != DicomVR.SQ))
        {
            // UN of undefined length is a sequence encoded Implicit VR Little Endian (PS3.5 6.2.2);
            // in implicit VR any undefined-length element is a sequence.
            bool unImplicit = vr == DicomVR.UN && encodedVR == DicomVR.UN;
            var unItems = ParseItems(tag, valueOffset, DicomElement.UndefinedLength, unImplicit ? false : explicitVR, unImplicit || le, depth);
            return new DicomElement(tag, unItems, DicomElement.UndefinedLength, unImplicit || le, start, valueOffset, vr == DicomVR.UN ? DicomVR.UN : DicomVR.SQ) { HeaderLength = headerLength, EncodedVR = encodedVR };
        }
        if (vr != DicomVR.SQ)
            throw new DicomFormatException($"Element {tag} {DicomVRInfo.Code(vr)} has undefined length, which only SQ, UN and pixel data may have", start);
        var items = ParseItems(tag, valueOffset, DicomElement.UndefinedLength, explicitVR, le, depth);
        return new DicomElement(tag, items, DicomElement.UndefinedLength, le, start, valueOffset) { HeaderLength = headerLength, EncodedVR = encodedVR };
    }

    private List<DicomDataset>? TryParseUnSequence(DicomTag tag, long valueOffset, uint length, int depth)
    {
        int warningCount = _warnings.Count;
        try
        {
            return ParseItems(tag, valueOffset, length, explicitVR: false, le: true, depth);
        }
        catch (DicomFormatException)
        {
            _warnings.RemoveRange(warningCount, _warnings.Count - warningCount);
            _warnings.Add($"Element {tag} UN could not be read as a sequence; kept as bytes");
            _c.Position = valueOffset;
            return null;
        }
    }

    private List<DicomDataset> ParseItems(DicomTag sequenceTag, long valueOffset, uint length, bool explicitVR, bool le, int depth)
    {
        if (depth + 1 > _options.MaxSequenceDepth)
            throw new DicomFormatException($"Sequences nested deeper than {_options.MaxSequenceDepth} levels", valueOffset);
        long end = length == DicomElement.UndefinedLength ? long.MaxValue : valueOffset + length;
        var items = new List<DicomDataset>();
        while (end == long.MaxValue || _c.Position < end)
        {
            long itemStart = _c.Position;
            var tag = new DicomTag(_c.ReadUInt16(le), _c.ReadUInt16(le));
            uint itemLength = _c.ReadUInt32(le);
            if (tag == DicomTags.SequenceDelimitationItem)
            {
                if (end != long.MaxValue) _warnings.Add($"Sequence delimiter inside the defined-length sequence {sequenceTag} at offset {itemStart}");
                break;
            }
            if (tag != DicomTags.Item)
                throw new DicomFormatException($"Expected an item tag in sequence {sequenceTag} but found {tag}", itemStart);
            if (itemLength == DicomElement.UndefinedLength)
            {
                items.Add(new DicomDataset(ParseElements(end, explicitVR, le, depth + 1, undefinedItem: true)));
            }
            else
            {
                long itemEnd = _c.Position + itemLength;
                if (itemLength > _c.Remaining || itemEnd > end)
                    throw new DicomFormatException($"Item of sequence {sequenceTag} declares {itemLength} bytes, more than its sequence or the data holds", itemStart);
                items.Add(new DicomDataset(ParseElements(itemEnd, explicitVR, le, depth + 1, undefinedItem: false)));
                _c.Position = itemEnd;
            }
        }
        if (end != long.MaxValue && _c.Position != end)
            throw new DicomFormatException($"Sequence {sequenceTag} items overrun its declared length", _c.Position);
        return items;
    }

    private void SkipFragments(DicomTag tag, bool le)
    {
        while (true)
        {
            long itemStart = _c.Position;
            var itemTag = new DicomTag(_c.ReadUInt16(le), _c.ReadUInt16(le));
            uint len = _c.ReadUInt32(le);
            if (itemTag == DicomTags.SequenceDelimitationItem) return;
            if (itemTag != DicomTags.Item || len == DicomElement.UndefinedLength)
                throw new DicomFormatException($"Expected a fragment item in encapsulated {tag} but found {itemTag}", itemStart);
            _c.Skip(len, $"fragment of {tag}");
        }
    }

    private void RecordPixelData(DicomTag tag, DicomVR vr, long start, long valueOffset, int headerLength, uint length, bool le, DicomVR encodedVR)
    {
        var kind = tag == DicomTags.FloatPixelData ? PixelDataKind.Float
            : tag == DicomTags.DoubleFloatPixelData ? PixelDataKind.Double : PixelDataKind.Integer;
        long available = Math.Max(0, _c.Length - valueOffset);
        if (length != DicomElement.UndefinedLength && length > available)
            _warnings.Add($"Pixel data {tag} declares {length} bytes but only {available} remain in the data");
        PixelData = new PixelDataElementInfo
        {
            Tag = tag, Kind = kind, VR = vr, ElementOffset = start, ValueOffset = valueOffset, HeaderLength = headerLength,
            Length = length,
            AvailableLength = length == DicomElement.UndefinedLength ? available : Math.Min(length, available),
        };
        PixelDataElement = new DicomElement(tag, vr, _c.Source, valueOffset, length, le, start) { HeaderLength = headerLength, EncodedVR = encodedVR };
    }

    internal static bool IsPixelDataTag(DicomTag tag)
        => tag == DicomTags.PixelData || tag == DicomTags.FloatPixelData || tag == DicomTags.DoubleFloatPixelData;
}
