namespace PixelGen.Writing;

/// <summary>The shape of decoded pixels: frames × rows × columns × samples, samples interleaved (C order).</summary>
/// <param name="Frames">Number of frames (at least 1).</param>
/// <param name="Rows">Rows per frame.</param>
/// <param name="Columns">Columns per frame.</param>
/// <param name="Samples">Samples per pixel (1, 3 or 4).</param>
public readonly record struct PixelArrayShape(int Frames, int Rows, int Columns, int Samples = 1)
{
    /// <summary>One frame of <paramref name="rows"/> × <paramref name="columns"/> × <paramref name="samples"/>.</summary>
    public static PixelArrayShape Single(int rows, int columns, int samples = 1) => new(1, rows, columns, samples);

    /// <summary>Frames × Rows × Columns × Samples.</summary>
    public long ElementCount => (long)Frames * Rows * Columns * Samples;

    /// <inheritdoc />
    public override string ToString() => $"({Frames}, {Rows}, {Columns}, {Samples})";
}

/// <summary>Options of <c>MutableDicomDataset.SetPixelData</c>.</summary>
public sealed record SetPixelDataOptions
{
    /// <summary>The Photometric Interpretation of the new pixels; null keeps the current one when it is still valid for the sample count (YBR_FULL_422 becomes YBR_FULL, since the pixels are full resolution), else MONOCHROME2 / RGB.</summary>
    public string? PhotometricInterpretation { get; init; }

    /// <summary>Bits Stored for integer pixels (default: all bits of the element type). Values must fit; High Bit becomes Bits Stored − 1.</summary>
    public int? BitsStored { get; init; }

    /// <summary>A native transfer syntax to set; null keeps the current one when native, else Explicit VR Little Endian.</summary>
    public Dicom.TransferSyntax? TransferSyntax { get; init; }

    /// <summary>Gives the instance a new SOP Instance UID (2.25.&lt;UUID&gt;), also in (0002,0003) when present.</summary>
    public bool NewSopInstanceUid { get; init; }
}
