using PixelGen.Layout;

namespace PixelGen.Dicom;

/// <summary>
/// Where the top-level pixel data element sits: (7FE0,0010) Pixel Data, (7FE0,0008) Float Pixel Data or
/// (7FE0,0009) Double Float Pixel Data. The parser stops here and never reads the value.
/// Offsets are in <see cref="DicomFile.Source"/> (for a deflated file: the inflated data set).
/// </summary>
public sealed record PixelDataElementInfo
{
    /// <summary>The element's tag.</summary>
    public required DicomTag Tag { get; init; }
    /// <summary>Which pixel data element it is.</summary>
    public required PixelDataKind Kind { get; init; }
    /// <summary>The VR as written (explicit VR) or the dictionary's (implicit VR: OW, OF or OD).</summary>
    public required DicomVR VR { get; init; }
    /// <summary>Offset of the element's tag.</summary>
    public required long ElementOffset { get; init; }
    /// <summary>Offset of the first value byte.</summary>
    public required long ValueOffset { get; init; }
    /// <summary>Header size: 12 for explicit OB/OW/OF/OD/UN, 8 for implicit VR.</summary>
    public required int HeaderLength { get; init; }
    /// <summary>The declared value length; <see cref="DicomElement.UndefinedLength"/> when undefined (encapsulated).</summary>
    public required uint Length { get; init; }
    /// <summary>Bytes of the value actually present in the source (less than <see cref="Length"/> when truncated).</summary>
    public required long AvailableLength { get; init; }
    /// <summary>True when the length is undefined.</summary>
    public bool IsUndefinedLength => Length == DicomElement.UndefinedLength;
    /// <summary>True when the value is a sequence of fragments (undefined length).</summary>
    public bool IsEncapsulated => IsUndefinedLength;
}
