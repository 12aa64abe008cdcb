using System.IO.Compression;

namespace PixelGen.Writing;

/// <summary>How sequences and items are delimited when written.</summary>
public enum SequenceLengthMode
{
    /// <summary>
    /// Keep each sequence as read: undefined length (with delimitation items) stays undefined, a defined length is
    /// recomputed for the output encoding. Items follow their sequence. Sequences built in memory are undefined.
    /// Implicit VR output always delimits sequences (a defined-length sequence of a tag unknown to the reader's
    /// dictionary would read back as opaque bytes).
    /// </summary>
    Preserve = 0,
    /// <summary>Every sequence and item gets undefined length and delimitation items (what most toolkits write).</summary>
    Undefined,
    /// <summary>Every sequence and item gets an explicit, computed length.</summary>
    Defined,
}

/// <summary>Options of <see cref="DicomFileWriter"/> and <see cref="MutableDicomDataset.Save(string, WriteOptions?)"/>.</summary>
public sealed record WriteOptions
{
    /// <summary>The default options.</summary>
    public static WriteOptions Default { get; } = new();

    /// <summary>Writes even when the Image Pixel attributes disagree with the pixel data. Only for users who really mean it.</summary>
    public bool SkipConsistencyCheck { get; init; }

    /// <summary>How sequences and items are delimited (default: as read).</summary>
    public SequenceLengthMode SequenceLengths { get; init; } = SequenceLengthMode.Preserve;

    /// <summary>
    /// Writes (7FE0,0001) Extended Offset Table and (7FE0,0002) lengths for encapsulated pixel data built by
    /// PixelGen (the Basic Offset Table is then empty). Also done automatically when offsets overflow 32 bits.
    /// Needs one fragment per frame.
    /// </summary>
    public bool WriteExtendedOffsetTable { get; init; }

    /// <summary>Fills the Basic Offset Table of encapsulated pixel data built by PixelGen (default true).</summary>
    public bool WriteBasicOffsetTable { get; init; } = true;

    /// <summary>Compression level of the Deflated Explicit VR Little Endian data set.</summary>
    public CompressionLevel DeflateLevel { get; init; } = CompressionLevel.Optimal;

    /// <summary>Size of the chunks deferred values are copied in (default 1 MiB); bounds the writer's memory.</summary>
    public int CopyBufferSize { get; init; } = 1 << 20;

    /// <summary>(0002,0012) Implementation Class UID written into the File Meta Information.</summary>
    public string ImplementationClassUid { get; init; } = DicomUids.ImplementationClassUid;

    /// <summary>(0002,0013) Implementation Version Name written into the File Meta Information.</summary>
    public string ImplementationVersionName { get; init; } = DicomUids.ImplementationVersionName;

    /// <summary>
    /// Writes files whose data set and meta have no SOP Class / SOP Instance UID (some test files) by leaving
    /// (0002,0002)/(0002,0003) out of the File Meta Information; by default their absence is an error.
    /// </summary>
    public bool AllowMissingSopUids { get; init; }

    /// <summary>Writes the 128-byte preamble and "DICM" (default true; false writes the meta group first).</summary>
    public bool WritePreamble { get; init; } = true;
}
