using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Writing;

public partial class MutableDicomDataset
{
    /// <summary>Sets (0028,0010) Rows.</summary>
    public void SetRows(int rows) => SetUInt16(DicomTags.Rows, CheckUShort(rows, "Rows"));
    /// <summary>Sets (0028,0011) Columns.</summary>
    public void SetColumns(int columns) => SetUInt16(DicomTags.Columns, CheckUShort(columns, "Columns"));
    /// <summary>Sets (0028,0002) Samples per Pixel.</summary>
    public void SetSamplesPerPixel(int samples) => SetUInt16(DicomTags.SamplesPerPixel, CheckUShort(samples, "SamplesPerPixel"));
    /// <summary>Sets (0028,0004) Photometric Interpretation (e.g. MONOCHROME2, RGB, YBR_FULL).</summary>
    public void SetPhotometricInterpretation(string value) => SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, value);
    /// <summary>Sets (0028,0006) Planar Configuration, or removes it when null.</summary>
    public void SetPlanarConfiguration(int? value)
    {
        if (value is null) Remove(DicomTags.PlanarConfiguration);
        else SetUInt16(DicomTags.PlanarConfiguration, CheckUShort(value.Value, "PlanarConfiguration"));
    }
    /// <summary>Sets (0028,0008) Number of Frames (IS), or removes it when null.</summary>
    public void SetNumberOfFrames(int? value)
    {
        if (value is null) Remove(DicomTags.NumberOfFrames);
        else SetIntegerString(DicomTags.NumberOfFrames, value.Value);
    }
    /// <summary>Sets (0028,0100) Bits Allocated.</summary>
    public void SetBitsAllocated(int bits) => SetUInt16(DicomTags.BitsAllocated, CheckUShort(bits, "BitsAllocated"));
    /// <summary>Sets (0028,0101) Bits Stored.</summary>
    public void SetBitsStored(int bits) => SetUInt16(DicomTags.BitsStored, CheckUShort(bits, "BitsStored"));
    /// <summary>Sets (0028,0102) High Bit.</summary>
    public void SetHighBit(int bit) => SetUInt16(DicomTags.HighBit, CheckUShort(bit, "HighBit"));
    /// <summary>Sets (0028,0103) Pixel Representation (0 unsigned, 1 two's complement).</summary>
    public void SetPixelRepresentation(int value) => SetUInt16(DicomTags.PixelRepresentation, CheckUShort(value, "PixelRepresentation"));
    /// <summary>Sets (0028,1052) Rescale Intercept and (0028,1053) Rescale Slope.</summary>
    public void SetRescale(double intercept, double slope)
    {
        SetDecimalString(DicomTags.RescaleIntercept, intercept);
        SetDecimalString(DicomTags.RescaleSlope, slope);
    }
    /// <summary>Sets (0028,1050) Window Center and (0028,1051) Window Width (one value each, or several views).</summary>
    public void SetWindow(ReadOnlySpan<double> centers, ReadOnlySpan<double> widths)
    {
        SetDecimalString(DicomTags.WindowCenter, centers);
        SetDecimalString(DicomTags.WindowWidth, widths);
    }
    /// <summary>Sets (0008,0018) SOP Instance UID and, when present, (0002,0003) Media Storage SOP Instance UID.</summary>
    public void SetSopInstanceUid(string uid)
    {
        SetString(DicomTags.SopInstanceUid, DicomVR.UI, uid);
        if (Contains(DicomTags.MediaStorageSopInstanceUid)) SetString(DicomTags.MediaStorageSopInstanceUid, DicomVR.UI, uid);
    }

    /// <summary>
    /// Sets every Image Pixel attribute from <paramref name="layout"/> (Planar Configuration only with more than one
    /// sample; Bits Stored, High Bit and Pixel Representation removed for float data; Number of Frames written when
    /// above 1 or already present). Does not touch the pixel data.
    /// </summary>
    public void SetImagePixelAttributes(FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        SetSamplesPerPixel(layout.SamplesPerPixel);
        SetPhotometricInterpretation(layout.PhotometricInterpretation);
        SetPlanarConfiguration(layout.SamplesPerPixel > 1 ? layout.PlanarConfiguration : null);
        if (layout.NumberOfFrames > 1 || Contains(DicomTags.NumberOfFrames)) SetNumberOfFrames(layout.NumberOfFrames);
        SetRows(layout.Rows);
        SetColumns(layout.Columns);
        SetBitsAllocated(layout.BitsAllocated);
        if (layout.Kind == PixelDataKind.Integer)
        {
            SetBitsStored(layout.BitsStored);
            SetHighBit(layout.HighBit);
            SetPixelRepresentation(layout.IsSigned ? 1 : 0);
        }
        else Remove(DicomTags.BitsStored, DicomTags.HighBit, DicomTags.PixelRepresentation);
    }

    private static ushort CheckUShort(int value, string name)
    {
        if (value is < 0 or > ushort.MaxValue) throw new PixelGenException($"{name} must be between 0 and 65535, not {value}");
        return (ushort)value;
    }
}
