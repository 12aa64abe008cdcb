using System.Globalization;

namespace PixelGen.Dicom;

/// <summary>
/// A read-only data set (or sequence item): elements sorted by tag, with typed accessors for the
/// Image Pixel module and the LUT attributes.
/// </summary>
public class DicomDataset : IReadOnlyCollection<DicomElement>
{
    private readonly SortedList<DicomTag, DicomElement> _elements;

    /// <summary>Builds a data set from elements; a later element with the same tag replaces an earlier one.</summary>
    public DicomDataset(IEnumerable<DicomElement> elements)
    {
        _elements = new SortedList<DicomTag, DicomElement>();
        foreach (var e in elements) _elements[e.Tag] = e;
    }

    /// <summary>An empty data set.</summary>
    public DicomDataset() => _elements = new SortedList<DicomTag, DicomElement>();

    /// <summary>The elements in tag order, for subclasses that edit them.</summary>
    protected SortedList<DicomTag, DicomElement> Elements => _elements;

    /// <inheritdoc />
    public int Count => _elements.Count;

    /// <summary>True when the data set holds <paramref name="tag"/>.</summary>
    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag);

    /// <summary>The element with <paramref name="tag"/>, or null.</summary>
    public DicomElement? this[DicomTag tag] => _elements.TryGetValue(tag, out var e) ? e : null;

    /// <summary>Finds an element.</summary>
    public bool TryGetElement(DicomTag tag, out DicomElement element)
    {
        if (_elements.TryGetValue(tag, out var e)) { element = e; return true; }
        element = null!;
        return false;
    }

    /// <summary>The first value of a string element, or null when absent or empty.</summary>
    public string? GetString(DicomTag tag)
    {
        if (!_elements.TryGetValue(tag, out var e) || e.Length == 0) return null;
        var values = e.GetStrings();
        return values.Length == 0 ? null : values[0];
    }

    /// <summary>All values of a string element (empty when absent).</summary>
    public string[] GetStrings(DicomTag tag) => _elements.TryGetValue(tag, out var e) ? e.GetStrings() : [];

    /// <summary>All numeric values of an element (binary or DS/IS), empty when absent.</summary>
    public double[] GetNumbers(DicomTag tag) => _elements.TryGetValue(tag, out var e) && e.Length > 0 ? e.GetNumbers() : [];

    /// <summary>The first numeric value, or null when absent or empty.</summary>
    public double? GetNumber(DicomTag tag)
    {
        var values = GetNumbers(tag);
        return values.Length == 0 ? null : values[0];
    }

    /// <summary>The first value as an integer, or null when absent; a non-integral value raises <see cref="DicomFormatException"/>.</summary>
    public int? GetInt(DicomTag tag)
    {
        var v = GetNumber(tag);
        if (v is null) return null;
        double d = v.Value;
        if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
            throw new DicomFormatException($"{tag} value {d.ToString(CultureInfo.InvariantCulture)} is not an integer", Math.Max(this[tag]!.ValueOffset, 0));
        return (int)d;
    }

    /// <summary>The items of a sequence (empty when absent or not a sequence).</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag)
        => _elements.TryGetValue(tag, out var e) && e.Items is { } items ? items : [];

    /// <summary>(0028,0010) Rows.</summary>
    public int? Rows => GetInt(DicomTags.Rows);
    /// <summary>(0028,0011) Columns.</summary>
    public int? Columns => GetInt(DicomTags.Columns);
    /// <summary>(0028,0002) Samples per Pixel.</summary>
    public int? SamplesPerPixel => GetInt(DicomTags.SamplesPerPixel);
    /// <summary>(0028,0100) Bits Allocated.</summary>
    public int? BitsAllocated => GetInt(DicomTags.BitsAllocated);
    /// <summary>(0028,0101) Bits Stored.</summary>
    public int? BitsStored => GetInt(DicomTags.BitsStored);
    /// <summary>(0028,0102) High Bit.</summary>
    public int? HighBit => GetInt(DicomTags.HighBit);
    /// <summary>(0028,0103) Pixel Representation (0 unsigned, 1 two's complement).</summary>
    public int? PixelRepresentation => GetInt(DicomTags.PixelRepresentation);
    /// <summary>(0028,0006) Planar Configuration.</summary>
    public int? PlanarConfiguration => GetInt(DicomTags.PlanarConfiguration);
    /// <summary>(0028,0004) Photometric Interpretation.</summary>
    public string? PhotometricInterpretation => GetString(DicomTags.PhotometricInterpretation);
    /// <summary>(0028,0008) Number of Frames (IS); null when absent.</summary>
    public int? NumberOfFrames => GetInt(DicomTags.NumberOfFrames);
    /// <summary>(0028,1053) Rescale Slope.</summary>
    public double? RescaleSlope => GetNumber(DicomTags.RescaleSlope);
    /// <summary>(0028,1052) Rescale Intercept.</summary>
    public double? RescaleIntercept => GetNumber(DicomTags.RescaleIntercept);
    /// <summary>(0028,1054) Rescale Type.</summary>
    public string? RescaleType => GetString(DicomTags.RescaleType);
    /// <summary>(0028,1050) Window Center values.</summary>
    public double[] WindowCenter => GetNumbers(DicomTags.WindowCenter);
    /// <summary>(0028,1051) Window Width values.</summary>
    public double[] WindowWidth => GetNumbers(DicomTags.WindowWidth);
    /// <summary>(0028,1056) VOI LUT Function.</summary>
    public string? VoiLutFunction => GetString(DicomTags.VoiLutFunction);
    /// <summary>(0028,3000) Modality LUT Sequence items.</summary>
    public IReadOnlyList<DicomDataset> ModalityLutSequence => GetSequence(DicomTags.ModalityLutSequence);
    /// <summary>(0028,3010) VOI LUT Sequence items.</summary>
    public IReadOnlyList<DicomDataset> VoiLutSequence => GetSequence(DicomTags.VoiLutSequence);

    /// <inheritdoc />
    public IEnumerator<DicomElement> GetEnumerator() => _elements.Values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
