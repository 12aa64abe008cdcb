using PixelGen.Dicom;

namespace PixelGen.Writing;

/// <summary>
/// A data set that can be edited: add, replace and remove elements of any VR, typed setters, sequences of
/// mutable items, and pixel data (raw bytes, encapsulated frames, or decoded pixels through <c>SetPixelData</c>).
/// Elements copied from a parsed data set stay deferred (not read) until written.
/// </summary>
public partial class MutableDicomDataset : DicomDataset
{
    private readonly Dictionary<DicomTag, IPixelDataContent> _pixelContent = new();

    /// <summary>An empty data set.</summary>
    public MutableDicomDataset() { }

    /// <summary>A data set holding <paramref name="elements"/> (a later element with the same tag wins).</summary>
    public MutableDicomDataset(IEnumerable<DicomElement> elements) : base(elements) { }

    /// <summary>
    /// The transfer syntax the data set is meant to be written in (used by <see cref="Save(string, WriteOptions?)"/>
    /// and updated by <c>SetPixelData</c>); null means Explicit VR Little Endian.
    /// </summary>
    public TransferSyntax? TransferSyntax { get; set; }

    /// <summary>Adds <paramref name="element"/>, replacing any element with the same tag (and any pixel content set for it).</summary>
    public void Add(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _pixelContent.Remove(element.Tag);
        Elements[element.Tag] = element;
    }

    /// <summary>Removes the element with <paramref name="tag"/>; false when absent.</summary>
    public bool Remove(DicomTag tag)
    {
        _pixelContent.Remove(tag);
        return Elements.Remove(tag);
    }

    /// <summary>Removes every element in <paramref name="tags"/> that is present.</summary>
    public void Remove(params ReadOnlySpan<DicomTag> tags)
    {
        foreach (var t in tags) Remove(t);
    }

    /// <summary>The pixel content set for <paramref name="tag"/> (encapsulated frames or streamed frames), or null.</summary>
    public IPixelDataContent? GetPixelDataContent(DicomTag tag) => _pixelContent.GetValueOrDefault(tag);

    /// <summary>Sets a string element with one value (null or empty writes an empty element).</summary>
    public void SetString(DicomTag tag, DicomVR vr, string? value)
        => Add(new DicomElement(tag, vr, DicomValueEncoder.EncodeStrings(vr, string.IsNullOrEmpty(value) ? [] : [value])));

    /// <summary>Sets a multi-valued string element (values joined by backslashes).</summary>
    public void SetStrings(DicomTag tag, DicomVR vr, params IReadOnlyList<string> values)
        => Add(new DicomElement(tag, vr, DicomValueEncoder.EncodeStrings(vr, values)));

    /// <summary>Sets numeric values of any numeric VR (US, SS, UL, SL, FL, FD, SV, UV, AT, OB, OW, OL, OF, OD, OV, DS, IS), range-checked.</summary>
    public void SetNumbers(DicomTag tag, DicomVR vr, params ReadOnlySpan<double> values)
        => Add(new DicomElement(tag, vr, DicomValueEncoder.EncodeNumbers(vr, values)));

    /// <summary>Sets US (unsigned 16-bit) values.</summary>
    public void SetUInt16(DicomTag tag, params ReadOnlySpan<ushort> values) => SetNumbers(tag, DicomVR.US, ToDoubles(values));
    /// <summary>Sets SS (signed 16-bit) values.</summary>
    public void SetInt16(DicomTag tag, params ReadOnlySpan<short> values) => SetNumbers(tag, DicomVR.SS, ToDoubles(values));
    /// <summary>Sets UL (unsigned 32-bit) values.</summary>
    public void SetUInt32(DicomTag tag, params ReadOnlySpan<uint> values) => SetNumbers(tag, DicomVR.UL, ToDoubles(values));
    /// <summary>Sets SL (signed 32-bit) values.</summary>
    public void SetInt32(DicomTag tag, params ReadOnlySpan<int> values) => SetNumbers(tag, DicomVR.SL, ToDoubles(values));
    /// <summary>Sets FL (32-bit float) values.</summary>
    public void SetSingle(DicomTag tag, params ReadOnlySpan<float> values) => SetNumbers(tag, DicomVR.FL, ToDoubles(values));
    /// <summary>Sets FD (64-bit float) values.</summary>
    public void SetDouble(DicomTag tag, params ReadOnlySpan<double> values) => SetNumbers(tag, DicomVR.FD, values);
    /// <summary>Sets DS (decimal string) values, each formatted in at most 16 characters.</summary>
    public void SetDecimalString(DicomTag tag, params ReadOnlySpan<double> values) => SetNumbers(tag, DicomVR.DS, values);
    /// <summary>Sets IS (integer string) values.</summary>
    public void SetIntegerString(DicomTag tag, params ReadOnlySpan<int> values) => SetNumbers(tag, DicomVR.IS, ToDoubles(values));
    /// <summary>Sets SV/UV/OV (64-bit integer) values exactly.</summary>
    public void SetInt64(DicomTag tag, DicomVR vr, params ReadOnlySpan<long> values)
        => Add(new DicomElement(tag, vr, DicomValueEncoder.EncodeIntegers(vr, values)));

    /// <summary>
    /// Sets a binary value (OB, OW, OL, OF, OD, OV, UN or any numeric VR) from little-endian bytes, kept as given
    /// (the writer pads odd lengths and swaps for big endian). The memory is referenced, not copied.
    /// </summary>
    public void SetBinary(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> littleEndianBytes)
    {
        if (DicomVRInfo.IsString(vr) || vr == DicomVR.SQ)
            throw new PixelGenException($"SetBinary needs a binary VR, not {DicomVRInfo.Code(vr)}");
        int size = Math.Max(DicomVRInfo.ValueSize(vr), 1);
        if (littleEndianBytes.Length % size != 0)
            throw new PixelGenException($"{tag} {DicomVRInfo.Code(vr)}: {littleEndianBytes.Length} bytes is not a multiple of the value size {size}");
        Add(new DicomElement(tag, vr, littleEndianBytes));
    }

    /// <summary>Sets an element with no value (type 2 attributes).</summary>
    public void SetEmpty(DicomTag tag, DicomVR vr)
        => Add(vr == DicomVR.SQ ? new DicomElement(tag, new List<MutableDicomDataset>()) : new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));

    /// <summary>Replaces a sequence with <paramref name="items"/> (written with undefined length unless options say otherwise).</summary>
    public IList<MutableDicomDataset> SetSequence(DicomTag tag, IEnumerable<MutableDicomDataset> items)
    {
        var list = new List<MutableDicomDataset>(items);
        Add(new DicomElement(tag, list));
        return list;
    }

    /// <summary>
    /// The editable items of a sequence; a sequence that is absent is created empty. Items of a sequence copied
    /// from a parsed data set are converted on first use.
    /// </summary>
    public IList<MutableDicomDataset> GetOrAddSequence(DicomTag tag)
    {
        if (TryGetElement(tag, out var e) && e.Items is { } items)
        {
            if (items is List<MutableDicomDataset> mutable) return mutable;
            var converted = items.Select(i => i.ToMutable()).ToList();
            Elements[tag] = new DicomElement(tag, converted, e.Length, e.IsLittleEndian, e.Offset, e.ValueOffset, e.VR);
            return converted;
        }
        return SetSequence(tag, []);
    }

    /// <summary>Adds an empty item to a sequence (creating the sequence) and returns it for editing.</summary>
    public MutableDicomDataset AddSequenceItem(DicomTag tag)
    {
        var item = new MutableDicomDataset();
        GetOrAddSequence(tag).Add(item);
        return item;
    }

    /// <summary>A copy whose sequences are copied too; values (deferred or not) and pixel content are shared.</summary>
    public MutableDicomDataset Clone()
    {
        var copy = this.ToMutable(TransferSyntax);
        return copy;
    }

    internal void SetContent(DicomTag tag, DicomElement placeholder, IPixelDataContent content)
    {
        Elements[tag] = placeholder;
        _pixelContent[tag] = content;
    }

    internal void CopyContentFrom(MutableDicomDataset other)
    {
        foreach (var (tag, content) in other._pixelContent) _pixelContent[tag] = content;
    }

    private static double[] ToDoubles<T>(ReadOnlySpan<T> values) where T : System.Numerics.INumberBase<T>
    {
        var d = new double[values.Length];
        for (int i = 0; i < values.Length; i++) d[i] = double.CreateTruncating(values[i]);
        return d;
    }
}

/// <summary>Conversions to <see cref="MutableDicomDataset"/>.</summary>
public static class MutableDicomDatasetExtensions
{
    /// <summary>
    /// An editable copy of <paramref name="dataset"/>. Element values are shared, so deferred values stay in their
    /// source and are read only when written (keep the source open until then); sequences are copied into mutable items.
    /// </summary>
    /// <param name="dataset">The data set to copy.</param>
    /// <param name="transferSyntax">The transfer syntax it was read in; when null, taken from (0002,0010) if the data set holds it.</param>
    public static MutableDicomDataset ToMutable(this DicomDataset dataset, TransferSyntax? transferSyntax = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var copy = new MutableDicomDataset();
        foreach (var e in dataset)
        {
            if (e.Items is { } items)
            {
                var mutableItems = items.Select(i => i.ToMutable()).ToList();
                copy.Add(new DicomElement(e.Tag, mutableItems, e.Length, e.IsLittleEndian, e.Offset, e.ValueOffset, e.VR));
            }
            else copy.Add(e);
        }
        if (dataset is MutableDicomDataset m)
        {
            copy.CopyContentFrom(m);
            copy.TransferSyntax = transferSyntax ?? m.TransferSyntax;
        }
        else
        {
            var uid = dataset.GetString(DicomTags.TransferSyntaxUid);
            copy.TransferSyntax = transferSyntax ?? (uid is null ? null : TransferSyntax.FromUid(uid));
        }
        return copy;
    }
}
