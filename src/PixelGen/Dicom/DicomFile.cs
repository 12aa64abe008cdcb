using PixelGen.IO;

namespace PixelGen.Dicom;

/// <summary>
/// A parsed DICOM file: file meta, data set up to the pixel data element, and where that element is.
/// Deferred values and pixel data are read from <see cref="Source"/>; dispose the file to release it when
/// <see cref="DicomFileReader"/> opened it (paths, deflated data sets).
/// </summary>
public sealed class DicomFile : IDisposable
{
    private readonly IDisposable? _owned;

    internal DicomFile(DicomDataset meta, DicomDataset dataset, TransferSyntax transferSyntax, bool hasPreamble, bool hasFileMeta,
        IReadOnlyList<string> warnings, PixelDataElementInfo? pixelData, IRandomAccessSource source, IDisposable? owned,
        long datasetOffset, long? deflatedStreamOffset, bool transferSyntaxAssumed)
    {
        FileMetaInformation = meta;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
        HasPreamble = hasPreamble;
        HasFileMeta = hasFileMeta;
        Warnings = warnings;
        PixelData = pixelData;
        Source = source;
        _owned = owned;
        DatasetOffset = datasetOffset;
        DeflatedStreamOffset = deflatedStreamOffset;
        IsTransferSyntaxAssumed = transferSyntaxAssumed;
    }

    /// <summary>The (0002,xxxx) elements; empty when the file has no meta.</summary>
    public DicomDataset FileMetaInformation { get; }
    /// <summary>The data set up to (and including, as a deferred element) the top-level pixel data element.</summary>
    public DicomDataset Dataset { get; }
    /// <summary>The transfer syntax: declared in the meta or detected from the first bytes.</summary>
    public TransferSyntax TransferSyntax { get; }
    /// <summary>True when the file starts with the 128-byte preamble and <c>DICM</c>.</summary>
    public bool HasPreamble { get; }
    /// <summary>True when the file has File Meta Information (group 0002).</summary>
    public bool HasFileMeta { get; }
    /// <summary>What was tolerated while reading (encoding switches, stray delimiters, truncated pixel data...).</summary>
    public IReadOnlyList<string> Warnings { get; }
    /// <summary>The top-level pixel data element, or null when the data set has none.</summary>
    public PixelDataElementInfo? PixelData { get; }
    /// <summary>
    /// The bytes every offset refers to: the file itself, or for Deflated Explicit VR Little Endian the inflated
    /// data set (offset 0 = its first element).
    /// </summary>
    public IRandomAccessSource Source { get; }
    /// <summary>Offset in <see cref="Source"/> of the data set's first element.</summary>
    public long DatasetOffset { get; }
    /// <summary>For deflated files: offset in the file where the raw deflate stream starts; otherwise null.</summary>
    public long? DeflatedStreamOffset { get; }
    /// <summary>True when there was no (0002,0010) and the transfer syntax was detected from the data.</summary>
    public bool IsTransferSyntaxAssumed { get; }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();
}
