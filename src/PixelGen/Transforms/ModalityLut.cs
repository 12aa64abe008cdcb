using System.Numerics;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>What a <see cref="ModalityLut"/> does.</summary>
public enum ModalityLutKind
{
    /// <summary>Neither a Modality LUT Sequence nor Rescale Slope/Intercept: values pass unchanged.</summary>
    Identity,
    /// <summary>Rescale Slope and Intercept: <c>out = stored × slope + intercept</c>.</summary>
    Rescale,
    /// <summary>The first item of the Modality LUT Sequence.</summary>
    Lut,
}

/// <summary>
/// The Modality LUT transform (PS3.3 C.11.1), applied first of the grayscale transforms. Output types follow
/// pydicom's <c>apply_modality_lut</c>: float64 for a rescale, uint8/uint16 (per the LUT's bits) for a LUT,
/// the input type for identity; <see cref="IsExactInteger"/> tells when a rescale can go to integers instead.
/// Works on any span length: one frame or a whole volume.
/// </summary>
public sealed class ModalityLut
{
    private ModalityLut(ModalityLutKind kind, double slope, double intercept, LookupTable? lut)
    {
        Kind = kind;
        Slope = slope;
        Intercept = intercept;
        Lut = lut;
    }

    /// <summary>The transform that changes nothing.</summary>
    public static ModalityLut Identity { get; } = new(ModalityLutKind.Identity, 1, 0, null);

    /// <summary>A rescale transform.</summary>
    public static ModalityLut Rescale(double slope, double intercept)
    {
        if (!double.IsFinite(slope) || !double.IsFinite(intercept))
            throw new PixelDataException($"Rescale Slope {slope} and Intercept {intercept} must be finite");
        return new(ModalityLutKind.Rescale, slope, intercept, null);
    }

    /// <summary>A LUT transform.</summary>
    public static ModalityLut FromLut(LookupTable lut) => new(ModalityLutKind.Lut, 1, 0, lut ?? throw new ArgumentNullException(nameof(lut)));

    /// <summary>
    /// Builds the transform the way pydicom does: the first Modality LUT Sequence item when the sequence is
    /// non-empty, else Rescale Slope/Intercept when both are present, else identity.
    /// </summary>
    /// <exception cref="PixelDataException">Bad LUT Descriptor or LUT Data.</exception>
    public static ModalityLut FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var items = dataset.ModalityLutSequence;
        if (items.Count > 0)
        {
            var item = items[0];
            var desc = item[DicomTags.LutDescriptor] ?? throw new PixelDataException("Modality LUT Sequence item has no LUT Descriptor (0028,3002)");
            var data = item[DicomTags.LutData] ?? throw new PixelDataException("Modality LUT Sequence item has no LUT Data (0028,3006)");
            var d = LutDescriptor.FromElement(desc, dataset.PixelRepresentation == 1);
            if (d.BitsPerEntry is not (8 or 16))
                throw new PixelDataException($"Modality LUT Descriptor bits per entry must be 8 or 16, not {d.BitsPerEntry}");
            return FromLut(LookupTable.FromData(d, data, "Modality LUT"));
        }
        if (dataset.RescaleSlope is double slope && dataset.RescaleIntercept is double intercept)
            return Rescale(slope, intercept);
        return Identity;
    }

    /// <summary>What the transform does.</summary>
    public ModalityLutKind Kind { get; }
    /// <summary>Rescale Slope (1 unless <see cref="ModalityLutKind.Rescale"/>).</summary>
    public double Slope { get; }
    /// <summary>Rescale Intercept (0 unless <see cref="ModalityLutKind.Rescale"/>).</summary>
    public double Intercept { get; }
    /// <summary>The LUT when <see cref="ModalityLutKind.Lut"/>.</summary>
    public LookupTable? Lut { get; }

    /// <summary>True when slope and intercept are integers, so a rescale of integer input is exact in integers.</summary>
    public bool IsExactInteger => Kind != ModalityLutKind.Rescale || (Slope == Math.Floor(Slope) && Intercept == Math.Floor(Intercept));

    /// <summary>The element type pydicom's <c>apply_modality_lut</c> returns for <paramref name="input"/>.</summary>
    public PixelElementType OutputElementType(PixelElementType input) => TransformLayouts.ElementTypeAfter(input, Kind == ModalityLutKind.Rescale, Lut);

    /// <summary>The layout of the output for <paramref name="input"/> (element type and bits stored).</summary>
    public FrameLayout OutputLayout(FrameLayout input) => TransformLayouts.LayoutAfter(input, Kind == ModalityLutKind.Rescale, Lut);

    /// <summary>
    /// Applies the transform into <paramref name="destination"/> (same length as the source; may alias it when the
    /// element types match). For a rescale into an integer type the slope and intercept must be integers
    /// (<see cref="IsExactInteger"/>) and results saturate to the type; float outputs get the exact float64 value.
    /// </summary>
    /// <exception cref="PixelDataException">An integer output was asked of a non-integer rescale.</exception>
    public void Apply<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
        where TIn : unmanaged, INumberBase<TIn>
        where TOut : unmanaged, INumberBase<TOut>
    {
        if (destination.Length < source.Length) throw new ArgumentException("Destination is shorter than the source", nameof(destination));
        switch (Kind)
        {
            case ModalityLutKind.Lut:
                Lut!.Apply(source, destination);
                return;
            case ModalityLutKind.Rescale:
                bool floatOut = typeof(TOut) == typeof(double) || typeof(TOut) == typeof(float);
                if (!floatOut && !IsExactInteger)
                    throw new PixelDataException($"Rescale Slope {Slope} / Intercept {Intercept} is not integral: ask for float or double output");
                double m = Slope, b = Intercept;
                for (int i = 0; i < source.Length; i++)
                    destination[i] = TOut.CreateSaturating(double.CreateTruncating(source[i]) * m + b);
                return;
            default:
                for (int i = 0; i < source.Length; i++) destination[i] = TOut.CreateSaturating(source[i]);
                return;
        }
    }
}
