namespace PixelGen.Dicom;

/// <summary>Settings for <see cref="DicomFileReader"/>.</summary>
public sealed record DicomReadOptions
{
    /// <summary>The defaults.</summary>
    public static DicomReadOptions Default { get; } = new();

    /// <summary>Values longer than this stay in the source as (offset, length) and are read on demand. Default 64 KiB.</summary>
    public int DeferValuesLongerThan { get; init; } = 64 * 1024;

    /// <summary>
    /// Deflated data sets are inflated into memory up to this many bytes; larger ones spill to a temporary file
    /// that is deleted when the <see cref="DicomFile"/> is disposed. Default 64 MiB.
    /// </summary>
    public long InflateInMemoryLimit { get; init; } = 64L * 1024 * 1024;

    /// <summary>A deflated data set that inflates beyond this many bytes is rejected (deflate bombs). Default 16 GiB.</summary>
    public long MaxInflatedLength { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Deepest sequence nesting accepted before the data is declared malformed. Default 64.</summary>
    public int MaxSequenceDepth { get; init; } = 64;
}
