using PixelGen.Dicom;
using PixelGen.Layout;

namespace PixelGen.Pixels;

/// <summary>
/// Everything a decoder needs to know about one frame: the Image Pixel attributes, which pixel data
/// element holds the values, and the byte order and VR of native data.
/// </summary>
public sealed record FrameLayout
{
    /// <summary>(0028,0010) Rows.</summary>
    public required int Rows { get; init; }
    /// <summary>(0028,0011) Columns.</summary>
    public required int Columns { get; init; }
    /// <summary>(0028,0002) Samples per Pixel.</summary>
    public int SamplesPerPixel { get; init; } = 1;
    /// <summary>(0028,0100) Bits Allocated.</summary>
    public required int BitsAllocated { get; init; }
    /// <summary>(0028,0101) Bits Stored (equals Bits Allocated for float data).</summary>
    public required int BitsStored { get; init; }
    /// <summary>(0028,0102) High Bit.</summary>
    public required int HighBit { get; init; }
    /// <summary>(0028,0103) Pixel Representation is 1 (two's complement).</summary>
    public bool IsSigned { get; init; }
    /// <summary>(0028,0006) Planar Configuration: 0 interleaved (R1G1B1R2…), 1 planar (R1R2…G1G2…B1B2…).</summary>
    public int PlanarConfiguration { get; init; }
    /// <summary>(0028,0004) Photometric Interpretation.</summary>
    public string PhotometricInterpretation { get; init; } = "MONOCHROME2";
    /// <summary>Number of frames in the pixel data (1 when (0028,0008) is absent).</summary>
    public int NumberOfFrames { get; init; } = 1;
    /// <summary>Which pixel data element holds the values.</summary>
    public PixelDataKind Kind { get; init; } = PixelDataKind.Integer;
    /// <summary>Native data is big endian (Explicit VR Big Endian).</summary>
    public bool IsBigEndian { get; init; }
    /// <summary>
    /// VR of the pixel data element (OB, OW, OF, OD; UN or None when unknown). Under big endian it decides the
    /// byte-swap unit: OW swaps 16-bit words even when Bits Allocated is 8.
    /// </summary>
    public DicomVR PixelDataVR { get; init; } = DicomVR.OW;

    /// <summary>The element type decoded pixels get (pydicom's dtype rule).</summary>
    public PixelElementType ElementType => PixelLayoutRules.ElementTypeFor(BitsAllocated, IsSigned, Kind);

    /// <summary>Size in bytes of one decoded element.</summary>
    public int ElementSize => PixelLayoutRules.ElementSize(ElementType);

    /// <summary>True when native data stores YBR_FULL_422 subsampled (two Y values share one Cb/Cr pair).</summary>
    public bool IsYbrFull422 => SamplesPerPixel == 3 && PhotometricInterpretation == "YBR_FULL_422";

    /// <summary>Rows × Columns.</summary>
    public long PixelsPerFrame => (long)Rows * Columns;

    /// <summary>Decoded samples per frame (Rows × Columns × Samples).</summary>
    public long SamplesPerFrame => PixelsPerFrame * SamplesPerPixel;

    /// <summary>Bytes of one decoded frame (samples interleaved, little endian, <see cref="ElementType"/>).</summary>
    public long DecodedFrameLength => PixelLayoutRules.DecodedFrameBytes(Rows, Columns, SamplesPerPixel, ElementType);

    /// <summary>Bits of one native frame (frames of 1-bit data need not start on a byte boundary).</summary>
    public long NativeFrameBits => PixelLayoutRules.NativeFrameBits(Rows, Columns, SamplesPerPixel, BitsAllocated, IsYbrFull422);

    /// <summary>Bytes of one native frame (1-bit frames rounded up).</summary>
    public long NativeFrameLength => (NativeFrameBits + 7) / 8;

    /// <summary>Checks the attributes; <see cref="LayoutError.None"/> when the layout can be decoded.</summary>
    public LayoutError Validate()
    {
        if (Rows <= 0 || Columns <= 0) return LayoutError.SamplesInvalid;
        return PixelLayoutRules.Validate(BitsAllocated, BitsStored, HighBit, IsSigned, SamplesPerPixel, PlanarConfiguration, Kind);
    }

    /// <summary>Throws <see cref="PixelDataException"/> naming the problem when the layout is not valid.</summary>
    public void EnsureValid()
    {
        if (Rows <= 0 || Columns <= 0)
            throw new PixelDataException($"Rows ({Rows}) and Columns ({Columns}) must be positive");
        var error = Validate();
        if (error != LayoutError.None)
            throw new PixelDataException($"Invalid pixel layout: {PixelLayoutRules.Describe(error)} (Bits Allocated {BitsAllocated}, Bits Stored {BitsStored}, High Bit {HighBit}, Pixel Representation {(IsSigned ? 1 : 0)}, Samples per Pixel {SamplesPerPixel}, Planar Configuration {PlanarConfiguration})");
    }

    /// <summary>A short human-readable description, e.g. <c>512x512x1 16-bit signed (12 stored) MONOCHROME2</c>.</summary>
    public override string ToString()
        => $"{Rows}x{Columns}x{SamplesPerPixel} {BitsAllocated}-bit {(Kind != PixelDataKind.Integer ? Kind.ToString().ToLowerInvariant() : IsSigned ? "signed" : "unsigned")} ({BitsStored} stored, high bit {HighBit}){(SamplesPerPixel > 1 ? $" planar {PlanarConfiguration}" : "")} {PhotometricInterpretation}{(IsBigEndian ? " big endian" : "")}";
}
