using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>
/// Layout descriptions of transform outputs, so that a writer can set the Image Pixel attributes of a result
/// (e.g. palette → RGB: Samples per Pixel 3, Photometric Interpretation RGB).
/// </summary>
public static class TransformLayouts
{
    /// <summary>
    /// <paramref name="input"/> with its samples retyped to <paramref name="type"/>: Bits Allocated from the type,
    /// Bits Stored <paramref name="bitsStored"/> (all bits when null), signedness and pixel data kind from the type.
    /// </summary>
    public static FrameLayout WithElementType(FrameLayout input, PixelElementType type, int? bitsStored = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        int bits = PixelLayoutRules.ElementSize(type) * 8;
        if (bits == 0) throw new ArgumentException($"No layout for element type {type}", nameof(type));
        int stored = bitsStored ?? bits;
        return input with
        {
            BitsAllocated = bits,
            BitsStored = stored,
            HighBit = stored - 1,
            IsSigned = type is PixelElementType.Int8 or PixelElementType.Int16 or PixelElementType.Int32 or PixelElementType.Int64,
            Kind = type == PixelElementType.Float32 ? PixelDataKind.Float : type == PixelElementType.Float64 ? PixelDataKind.Double : PixelDataKind.Integer,
            IsBigEndian = false,
            PixelDataVR = bits == 8 ? Dicom.DicomVR.OB : type == PixelElementType.Float32 ? Dicom.DicomVR.OF : type == PixelElementType.Float64 ? Dicom.DicomVR.OD : Dicom.DicomVR.OW,
        };
    }

    /// <summary>The element type of a .NET type used as a transform output (see <see cref="Pixels.PixelElementTypes.Of{T}"/>).</summary>
    public static PixelElementType ElementTypeOf<T>() where T : unmanaged => Pixels.PixelElementTypes.Of<T>();

    // Modality and VOI share pydicom's typing: a computed result (rescale, window) is float64, a LUT gives its own
    // entries' type and bits, and the identity keeps the input.
    internal static PixelElementType ElementTypeAfter(PixelElementType input, bool computed, LookupTable? lut)
        => computed ? PixelElementType.Float64 : lut?.OutputElementType ?? input;

    internal static FrameLayout LayoutAfter(FrameLayout input, bool computed, LookupTable? lut)
    {
        ArgumentNullException.ThrowIfNull(input);
        return computed ? WithElementType(input, PixelElementType.Float64)
            : lut is not null ? WithElementType(input, lut.OutputElementType, lut.BitsPerEntry)
            : input;
    }
}
