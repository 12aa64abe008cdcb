using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PixelGen.IO;

namespace PixelGen.Dicom;

/// <summary>
/// One data element as read from a data set. Small values are held in memory; large ones (above the
/// parser's threshold) stay in the source as (offset, length) and are read on demand.
/// </summary>
public sealed class DicomElement
{
    /// <summary>Length value that marks undefined length (0xFFFFFFFF).</summary>
    public const uint UndefinedLength = 0xFFFF_FFFF;

    private readonly IRandomAccessSource? _source;
    private ReadOnlyMemory<byte> _value;
    private bool _loaded;

    /// <summary>An element whose value is in memory.</summary>
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value, bool isLittleEndian = true, long offset = -1, long valueOffset = -1)
    {
        Tag = tag;
        VR = vr;
        _value = value;
        _loaded = true;
        Length = (uint)value.Length;
        IsLittleEndian = isLittleEndian;
        Offset = offset;
        ValueOffset = valueOffset;
    }

    /// <summary>An element whose value stays in <paramref name="source"/> until asked for.</summary>
    public DicomElement(DicomTag tag, DicomVR vr, IRandomAccessSource source, long valueOffset, uint length, bool isLittleEndian, long offset)
    {
        Tag = tag;
        VR = vr;
        _source = source;
        Length = length;
        IsLittleEndian = isLittleEndian;
        Offset = offset;
        ValueOffset = valueOffset;
    }

    /// <summary>A sequence element.</summary>
    public DicomElement(DicomTag tag, IReadOnlyList<DicomDataset> items, uint length = UndefinedLength, bool isLittleEndian = true, long offset = -1, long valueOffset = -1, DicomVR vr = DicomVR.SQ)
    {
        Tag = tag;
        VR = vr;
        Items = items;
        _loaded = true;
        Length = length;
        IsLittleEndian = isLittleEndian;
        Offset = offset;
        ValueOffset = valueOffset;
    }

    /// <summary>The tag.</summary>
    public DicomTag Tag { get; }
    /// <summary>The VR: as written (explicit) or from the dictionary (implicit; UN when unknown).</summary>
    public DicomVR VR { get; }
    /// <summary>The declared value length; <see cref="UndefinedLength"/> for undefined-length sequences and encapsulated pixel data.</summary>
    public uint Length { get; }
    /// <summary>True when the declared length is undefined.</summary>
    public bool IsUndefinedLength => Length == UndefinedLength;
    /// <summary>Byte order of the value's binary numbers.</summary>
    public bool IsLittleEndian { get; }
    /// <summary>Offset of the element's tag in its source, or -1 when built in memory.</summary>
    public long Offset { get; }
    /// <summary>Offset of the first value byte in its source, or -1 when built in memory.</summary>
    public long ValueOffset { get; }
    /// <summary>The items of a sequence (SQ, or UN holding a sequence); null otherwise.</summary>
    public IReadOnlyList<DicomDataset>? Items { get; }
    /// <summary>Bytes of the element header in its source (8 or 12; 0 when built in memory), so a writer can preserve the encoding.</summary>
    public int HeaderLength { get; init; }
    /// <summary>The VR bytes as written in an explicit VR header; <see cref="DicomVR.None"/> for implicit VR or in-memory elements. Differs from <see cref="VR"/> when an explicit UN was retyped from the dictionary.</summary>
    public DicomVR EncodedVR { get; init; }
    /// <summary>True when the value is held in memory (not deferred).</summary>
    public bool IsValueLoaded => _loaded;

    /// <summary>
    /// The raw value bytes in the data set's byte order (padding included). A deferred value is read from
    /// the source on first use and kept.
    /// </summary>
    public ReadOnlyMemory<byte> RawValue
    {
        get
        {
            if (_loaded) return _value;
            if (_source is null || IsUndefinedLength) return ReadOnlyMemory<byte>.Empty;
            var buffer = new byte[Length]; // length was checked against the source when parsed
            _source.ReadExactly(ValueOffset, buffer);
            _value = buffer;
            _loaded = true;
            return _value;
        }
    }

    /// <summary>Copies the raw value into <paramref name="destination"/> without keeping it; returns bytes copied.</summary>
    public int CopyRawValue(Span<byte> destination)
    {
        if (_loaded || _source is null)
        {
            var v = _value.Span;
            int n = Math.Min(v.Length, destination.Length);
            v[..n].CopyTo(destination);
            return n;
        }
        int count = (int)Math.Min(Length, (uint)destination.Length);
        _source.ReadExactly(ValueOffset, destination[..count]);
        return count;
    }

    /// <summary>The source a deferred value stays in; null when the value was built in memory.</summary>
    public IRandomAccessSource? Source => _source;

    /// <summary>
    /// Copies up to <paramref name="destination"/>.Length raw value bytes starting <paramref name="position"/> bytes into
    /// the value, without keeping them (for streaming large deferred values in chunks); returns bytes copied.
    /// For an undefined-length deferred value the read may run up to the end of the source.
    /// </summary>
    public int CopyRawValue(long position, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (_loaded || _source is null)
        {
            var v = _value.Span;
            if (position >= v.Length) return 0;
            int n = Math.Min(v.Length - (int)position, destination.Length);
            v.Slice((int)position, n).CopyTo(destination);
            return n;
        }
        long available = IsUndefinedLength ? _source.Length - ValueOffset : Length;
        long left = available - position;
        if (left <= 0) return 0;
        int count = (int)Math.Min(left, destination.Length);
        _source.ReadExactly(ValueOffset + position, destination[..count]);
        return count;
    }

    /// <summary>The value as text (ISO-IR 100 / Latin-1, which never fails), trailing padding removed; multiple values keep their backslashes.</summary>
    public string GetText()
    {
        var bytes = RawValue.Span;
        var s = Encoding.Latin1.GetString(bytes);
        return VR == DicomVR.UI ? s.TrimEnd('\0', ' ') : s.TrimEnd(' ', '\0');
    }

    /// <summary>The values of a string VR, split at backslashes and trimmed.</summary>
    public string[] GetStrings()
    {
        if (Length == 0) return [];
        var parts = GetText().Split('\\');
        for (int i = 0; i < parts.Length; i++) parts[i] = parts[i].Trim(' ', '\0');
        return parts;
    }

    /// <summary>
    /// The values as doubles: binary numbers for US, SS, UL, SL, FL, FD, SV, UV, OW, OF, OD, OL;
    /// decimal text for DS and IS. Unparseable text raises <see cref="DicomFormatException"/>.
    /// </summary>
    public double[] GetNumbers()
    {
        if (VR is DicomVR.DS or DicomVR.IS)
        {
            var parts = GetStrings();
            var result = new double[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                // PS3.5 6.2: DS and IS hold digits, signs, '.', 'E'/'e' only, so no NaN or infinity (nor an
                // exponent too large for a double).
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]) || !double.IsFinite(result[i]))
                    throw new DicomFormatException($"{Tag} {DicomVRInfo.Code(VR)} value '{parts[i]}' is not a finite number", Math.Max(ValueOffset, 0));
            }
            return result;
        }
        var span = RawValue.Span;
        int size = DicomVRInfo.ValueSize(VR);
        if (size == 0) throw new PixelGenException($"{Tag} has VR {DicomVRInfo.Code(VR)}, which holds no numbers");
        int count = span.Length / size;
        var values = new double[count];
        bool le = IsLittleEndian;
        for (int i = 0; i < count; i++)
        {
            var s = span.Slice(i * size, size);
            values[i] = VR switch
            {
                DicomVR.US or DicomVR.OW => le ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s),
                DicomVR.SS => le ? BinaryPrimitives.ReadInt16LittleEndian(s) : BinaryPrimitives.ReadInt16BigEndian(s),
                DicomVR.UL or DicomVR.OL or DicomVR.AT => le ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s),
                DicomVR.SL => le ? BinaryPrimitives.ReadInt32LittleEndian(s) : BinaryPrimitives.ReadInt32BigEndian(s),
                DicomVR.FL or DicomVR.OF => le ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadSingleBigEndian(s),
                DicomVR.FD or DicomVR.OD => le ? BinaryPrimitives.ReadDoubleLittleEndian(s) : BinaryPrimitives.ReadDoubleBigEndian(s),
                DicomVR.SV => le ? BinaryPrimitives.ReadInt64LittleEndian(s) : BinaryPrimitives.ReadInt64BigEndian(s),
                DicomVR.UV or DicomVR.OV => le ? BinaryPrimitives.ReadUInt64LittleEndian(s) : BinaryPrimitives.ReadUInt64BigEndian(s),
                _ => s[0],
            };
        }
        return values;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Tag} {DicomVRInfo.Code(VR)} length {(IsUndefinedLength ? "undefined" : Length.ToString(CultureInfo.InvariantCulture))}";
}
