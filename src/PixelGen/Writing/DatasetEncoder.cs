using System.Buffers.Binary;
using PixelGen.Dicom;

namespace PixelGen.Writing;

/// <summary>
/// Writes data set elements in one encoding (implicit/explicit VR, little/big endian) to a stream. Values we did
/// not build are copied from their source in chunks, byte-swapped when the byte order changes; sequences follow
/// <see cref="WriteOptions.SequenceLengths"/>; pixel content is pulled frame by frame.
/// </summary>
internal sealed partial class DatasetEncoder
{
    private readonly Stream _out;
    private readonly bool _explicit;
    private readonly bool _le;
    private readonly WriteOptions _options;
    private byte[]? _buffer;

    public DatasetEncoder(Stream output, bool explicitVR, bool littleEndian, WriteOptions options)
    {
        _out = output;
        _explicit = explicitVR;
        _le = littleEndian;
        _options = options;
    }

    private byte[] Buffer => _buffer ??= new byte[Math.Max(4096, _options.CopyBufferSize & ~7)];

    /// <summary>Writes the elements of <paramref name="dataset"/>; at top level the File Meta group (0002) is skipped.</summary>
    public void WriteDataset(DicomDataset dataset, bool topLevel)
    {
        foreach (var e in dataset)
        {
            if (Skip(e.Tag, topLevel)) continue;
            if (topLevel && dataset is MutableDicomDataset m && m.GetPixelDataContent(e.Tag) is { IsEncapsulated: true } content)
                WriteEncapsulatedContent(e.Tag, content);
            else WriteElement(e, dataset);
        }
    }

    /// <summary>Group lengths are dropped (stale after any edit; retired outside the meta group); the meta group is written separately.</summary>
    internal static bool Skip(DicomTag tag, bool topLevel) => tag.IsGroupLength || (topLevel && tag.Group == 0x0002);

    public void WriteElement(DicomElement e, DicomDataset owner)
    {
        if (owner is MutableDicomDataset m && m.GetPixelDataContent(e.Tag) is { } content)
        {
            if (content.IsEncapsulated) WriteEncapsulatedContent(e.Tag, content);
            else WriteNativeContent(e, content, owner);
        }
        else if (e.Items is { } items) WriteSequence(e, items);
        else if (e.IsUndefinedLength) WriteDeferredEncapsulated(e);
        else WriteValue(e, owner);
    }

    private DicomVR ExplicitVR(DicomElement e) => e.Items is not null ? DicomVR.SQ : e.VR == DicomVR.None ? DicomVR.UN : e.VR;

    internal void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        Span<byte> h = stackalloc byte[12];
        WriteUInt16(h, tag.Group);
        WriteUInt16(h[2..], tag.Element);
        if (!_explicit)
        {
            WriteUInt32(h[4..], length);
            _out.Write(h[..8]);
            return;
        }
        h[4] = (byte)((ushort)vr >> 8);
        h[5] = (byte)vr;
        if (DicomVRInfo.HasLongLength(vr))
        {
            h[6] = 0;
            h[7] = 0;
            WriteUInt32(h[8..], length);
            _out.Write(h);
            return;
        }
        if (length > ushort.MaxValue)
            throw new PixelGenException($"{tag} {DicomVRInfo.Code(vr)} has {length} bytes, more than the 65535 a {DicomVRInfo.Code(vr)} value can hold in explicit VR");
        WriteUInt16(h[6..], (ushort)length);
        _out.Write(h[..8]);
    }

    internal void WriteItemHeader(DicomTag tag, uint length)
    {
        Span<byte> h = stackalloc byte[8];
        WriteUInt16(h, tag.Group);
        WriteUInt16(h[2..], tag.Element);
        WriteUInt32(h[4..], length);
        _out.Write(h);
    }

    private void WriteValue(DicomElement e, DicomDataset owner)
    {
        long length = e.Length;
        long padded = length + (length & 1);
        if (padded > uint.MaxValue - 1) throw new PixelGenException($"{e.Tag} is {length} bytes, too long for one element");
        WriteHeader(e.Tag, ExplicitVR(e), (uint)padded);
        int unit = e.IsLittleEndian == _le ? 1 : SwapUnit(e.Tag, e.VR, owner);
        if (e.IsValueLoaded && unit == 1)
        {
            _out.Write(e.RawValue.Span);
        }
        else
        {
            var buffer = Buffer;
            long position = 0;
            while (position < length)
            {
                int n = e.CopyRawValue(position, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - position)));
                if (n <= 0) throw new DicomFormatException($"{e.Tag} value ends after {position} of {length} bytes", e.ValueOffset + position);
                if (unit > 1)
                {
                    if (n % unit != 0) throw new PixelGenException($"{e.Tag} {DicomVRInfo.Code(e.VR)} has {length} bytes, not a multiple of its {unit}-byte values, so its byte order cannot be changed");
                    MutableDicomDataset.SwapInPlace(buffer.AsSpan(0, n), unit);
                }
                _out.Write(buffer, 0, n);
                position += n;
            }
        }
        if ((length & 1) == 1) _out.WriteByte(DicomVRInfo.PadByte(e.VR));
    }

    /// <summary>
    /// The byte-swap unit of a value when the byte order changes: per value size, AT per 16-bit half; pixel data
    /// as the native decoder reads big endian (PixelDecoder.SwapUnit): an OW element per 16-bit word whatever Bits
    /// Allocated is, 1-bit and 8-bit OB data not at all, otherwise per Bits Allocated.
    /// </summary>
    internal static int SwapUnit(DicomTag tag, DicomVR vr, DicomDataset owner)
    {
        if (tag == DicomTags.PixelData || tag == DicomTags.FloatPixelData || tag == DicomTags.DoubleFloatPixelData)
        {
            int fallback = tag == DicomTags.FloatPixelData ? 32 : tag == DicomTags.DoubleFloatPixelData ? 64 : 8;
            int bits;
            try { bits = owner.BitsAllocated ?? fallback; }
            catch (DicomFormatException) { bits = fallback; }
            if (bits == 1 || (bits <= 8 && vr != DicomVR.OW)) return 1;
            if (vr == DicomVR.OW) return 2;
            return bits is 16 or 32 or 64 ? bits / 8 : 1;
        }
        if (vr == DicomVR.AT) return 2;
        return Math.Max(DicomVRInfo.ValueSize(vr), 1);
    }

    private void WriteSequence(DicomElement e, IReadOnlyList<DicomDataset> items)
    {
        bool undefined = SequenceIsUndefined(e);
        uint length = undefined ? DicomElement.UndefinedLength : checked((uint)MeasureItems(items, undefined));
        WriteHeader(e.Tag, DicomVR.SQ, length);
        foreach (var item in items)
        {
            WriteItemHeader(DicomTags.Item, undefined ? DicomElement.UndefinedLength : checked((uint)MeasureDataset(item)));
            WriteDataset(item, topLevel: false);
            if (undefined) WriteItemHeader(DicomTags.ItemDelimitationItem, 0);
        }
        if (undefined) WriteItemHeader(DicomTags.SequenceDelimitationItem, 0);
    }

    /// <summary>
    /// Preserve keeps the form as read, except in implicit VR: there a defined-length sequence of a tag missing from a
    /// reader's dictionary reads back as opaque UN bytes, while delimiters mark it as a sequence for any reader.
    /// </summary>
    private bool SequenceIsUndefined(DicomElement e) => _options.SequenceLengths switch
    {
        SequenceLengthMode.Undefined => true,
        SequenceLengthMode.Defined => false,
        _ => e.IsUndefinedLength || !_explicit,
    };

    private void WriteDeferredEncapsulated(DicomElement e)
    {
        if (e.Source is null) throw new PixelGenException($"{e.Tag} has undefined length but no items and no source to copy them from");
        var scan = EncapsulatedScanner.Scan(e);
        WriteHeader(e.Tag, e.VR is DicomVR.OW ? DicomVR.OW : DicomVR.OB, DicomElement.UndefinedLength);
        var buffer = Buffer;
        long position = 0;
        while (position < scan.TotalLength)
        {
            int n = e.CopyRawValue(position, buffer.AsSpan(0, (int)Math.Min(buffer.Length, scan.TotalLength - position)));
            if (n <= 0) throw new DicomFormatException($"{e.Tag} ends early", e.ValueOffset + position);
            _out.Write(buffer, 0, n);
            position += n;
        }
    }

    /// <summary>Bytes the elements of <paramref name="dataset"/> take in this encoding (for defined lengths).</summary>
    internal long MeasureDataset(DicomDataset dataset)
    {
        long total = 0;
        foreach (var e in dataset)
        {
            if (Skip(e.Tag, topLevel: false)) continue;
            total += MeasureElement(e, dataset);
        }
        return total;
    }

    private long MeasureItems(IReadOnlyList<DicomDataset> items, bool undefined)
    {
        long total = 0;
        foreach (var item in items) total += 8 + MeasureDataset(item) + (undefined ? 8 : 0);
        return total;
    }

    private long MeasureElement(DicomElement e, DicomDataset owner)
    {
        if (owner is MutableDicomDataset m && m.GetPixelDataContent(e.Tag) is not null)
            throw new PixelGenException($"{e.Tag} with streamed pixel content can only be written at the top level of a data set");
        long header = !_explicit ? 8 : DicomVRInfo.HasLongLength(ExplicitVR(e)) ? 12 : 8;
        if (e.Items is { } items)
        {
            bool undefined = SequenceIsUndefined(e);
            return header + MeasureItems(items, undefined) + (undefined ? 8 : 0);
        }
        if (e.IsUndefinedLength) return header + EncapsulatedScanner.Scan(e).TotalLength;
        return header + e.Length + (e.Length & 1);
    }

    private void WriteUInt16(Span<byte> s, ushort v)
    {
        if (_le) BinaryPrimitives.WriteUInt16LittleEndian(s, v);
        else BinaryPrimitives.WriteUInt16BigEndian(s, v);
    }

    private void WriteUInt32(Span<byte> s, uint v)
    {
        if (_le) BinaryPrimitives.WriteUInt32LittleEndian(s, v);
        else BinaryPrimitives.WriteUInt32BigEndian(s, v);
    }
}
