using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>(0028,1056) VOI LUT Function.</summary>
public enum VoiLutFunction
{
    /// <summary>LINEAR (the default): PS3.3 C.11.2.1.2.1, with the <c>c − 0.5</c> and <c>w − 1</c> terms.</summary>
    Linear,
    /// <summary>LINEAR_EXACT: PS3.3 C.11.2.1.3.2.</summary>
    LinearExact,
    /// <summary>SIGMOID: PS3.3 C.11.2.1.3.1.</summary>
    Sigmoid,
}

/// <summary>What a <see cref="VoiLut"/> does.</summary>
public enum VoiLutKind
{
    /// <summary>No VOI LUT Sequence and no window: values pass unchanged.</summary>
    Identity,
    /// <summary>Window Center/Width with a VOI LUT Function.</summary>
    Window,
    /// <summary>An item of the VOI LUT Sequence.</summary>
    Lut,
}

/// <summary>
/// The VOI LUT transform (PS3.3 C.11.2): a window (LINEAR, LINEAR_EXACT, SIGMOID) into an output range chosen
/// by the caller, or a VOI LUT Sequence item. Applied after the Modality LUT. Window output defaults to float64
/// over the range pydicom's <c>apply_voi_lut</c> uses; LUT output is uint8 or uint16 per the LUT's bits.
/// Works on any span length: one frame or a whole volume.
/// </summary>
public sealed partial class VoiLut
{
    private VoiLut(VoiLutKind kind, double center, double width, VoiLutFunction function, double outMin, double outMax, LookupTable? lut)
    {
        Kind = kind;
        Center = center;
        Width = width;
        Function = function;
        OutputMin = outMin;
        OutputMax = outMax;
        Lut = lut;
    }

    /// <summary>The transform that changes nothing.</summary>
    public static VoiLut Identity { get; } = new(VoiLutKind.Identity, 0, 0, VoiLutFunction.Linear, 0, 0, null);

    /// <summary>
    /// A window into [<paramref name="outputMin"/>, <paramref name="outputMax"/>].
    /// </summary>
    /// <exception cref="PixelDataException">Width below 1 for LINEAR, or not above 0 for LINEAR_EXACT and SIGMOID; non-finite values.</exception>
    public static VoiLut Window(double center, double width, VoiLutFunction function, double outputMin, double outputMax)
    {
        if (!double.IsFinite(center) || !double.IsFinite(width))
            throw new PixelDataException($"Window Center {center} and Width {width} must be finite");
        if (function == VoiLutFunction.Linear && width < 1)
            throw new PixelDataException($"Window Width {width} must be at least 1 for a LINEAR window (PS3.3 C.11.2.1.2.1)");
        if (function != VoiLutFunction.Linear && width <= 0)
            throw new PixelDataException($"Window Width {width} must be greater than 0 for a {(function == VoiLutFunction.Sigmoid ? "SIGMOID" : "LINEAR_EXACT")} window");
        if (!double.IsFinite(outputMin) || !double.IsFinite(outputMax) || outputMax < outputMin)
            throw new ArgumentException($"Output range [{outputMin}, {outputMax}] is not a finite ascending range");
        return new(VoiLutKind.Window, center, width, function, outputMin, outputMax, null);
    }

    /// <summary>A VOI LUT.</summary>
    public static VoiLut FromLut(LookupTable lut) => new(VoiLutKind.Lut, 0, 0, VoiLutFunction.Linear, 0, 0, lut ?? throw new ArgumentNullException(nameof(lut)));

    /// <summary>
    /// Builds the transform the way pydicom's <c>apply_voi_lut(arr, ds, index, prefer_lut)</c> does: with both a
    /// VOI LUT Sequence and a window, <paramref name="preferLut"/> picks; <paramref name="index"/> selects the
    /// sequence item or the window (a single-valued window ignores it, as pydicom does). The window's output
    /// range is pydicom's unless given: 0..2^bits−1 of the Modality LUT when there is one, else the stored range
    /// from Bits Stored and Pixel Representation, passed through Rescale Slope/Intercept when present (and put in
    /// ascending order, where pydicom keeps a negative slope's descending ends).
    /// </summary>
    /// <exception cref="PixelDataException">Bad LUT data, index out of range, bad width, non-monochrome windowing.</exception>
    public static VoiLut FromDataset(DicomDataset dataset, int index = 0, bool preferLut = true, double? outputMin = null, double? outputMax = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var seq = dataset.VoiLutSequence;
        bool validLut = seq.Count > 0 && seq[0].Contains(DicomTags.LutDescriptor) && seq[0].Contains(DicomTags.LutData);
        bool validWindow = dataset.Contains(DicomTags.WindowCenter) && dataset.Contains(DicomTags.WindowWidth);
        if (validLut && (preferLut || !validWindow)) return LutFromSequence(dataset, seq, index);
        if (!validWindow) return Identity;

        var pi = dataset.PhotometricInterpretation;
        if (pi is not ("MONOCHROME1" or "MONOCHROME2"))
            throw new PixelDataException($"Windowing needs MONOCHROME1 or MONOCHROME2, not '{pi}'");
        var centers = dataset.WindowCenter;
        var widths = dataset.WindowWidth;
        double center = Pick(centers, index, "Window Center");
        double width = Pick(widths, index, "Window Width");
        var function = ParseFunction(dataset.VoiLutFunction);

        var (yMin, yMax) = DefaultOutputRange(dataset);
        return Window(center, width, function, outputMin ?? yMin, outputMax ?? yMax);
    }

    /// <summary>Number of windows (Window Center values) in the data set.</summary>
    public static int WindowCount(DicomDataset dataset) => dataset?.WindowCenter.Length ?? 0;

    /// <summary>pydicom's window output range for a data set (see <see cref="FromDataset"/>).</summary>
    public static (double Min, double Max) DefaultOutputRange(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        double yMin, yMax;
        var mlut = dataset.ModalityLutSequence;
        if (mlut.Count > 0 && mlut[0][DicomTags.LutDescriptor] is { } desc)
        {
            int bits = LutDescriptor.FromElement(desc, dataset.PixelRepresentation == 1).BitsPerEntry;
            yMin = 0;
            yMax = Math.Pow(2, bits) - 1;
        }
        else
        {
            int bitsStored = dataset.BitsStored ?? throw new PixelDataException("Windowing needs Bits Stored (0028,0101)");
            if (dataset.PixelRepresentation == 1)
            {
                yMin = -Math.Pow(2, bitsStored - 1);
                yMax = Math.Pow(2, bitsStored - 1) - 1;
            }
            else
            {
                yMin = 0;
                yMax = Math.Pow(2, bitsStored) - 1;
            }
        }
        if (dataset.RescaleSlope is double slope && dataset.RescaleIntercept is double intercept)
        {
            // pydicom keeps the ends in this order, so a negative slope gives it a descending range (an inverted
            // window); the rescaled stored range is the same interval either way, so PixelGen orders it.
            (yMin, yMax) = (Math.Min(yMin * slope, yMax * slope) + intercept, Math.Max(yMin * slope, yMax * slope) + intercept);
            if (!double.IsFinite(yMin) || !double.IsFinite(yMax))
                throw new PixelDataException($"Rescale Slope {slope} and Intercept {intercept} give a window output range that is not finite");
        }
        return (yMin, yMax);
    }

    /// <summary>Parses a VOI LUT Function value (absent means LINEAR).</summary>
    /// <exception cref="PixelDataException">An unknown function.</exception>
    public static VoiLutFunction ParseFunction(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "LINEAR" => VoiLutFunction.Linear,
        "LINEAR_EXACT" => VoiLutFunction.LinearExact,
        "SIGMOID" => VoiLutFunction.Sigmoid,
        _ => throw new PixelDataException($"Unsupported VOI LUT Function (0028,1056) '{value}'"),
    };

    private static double Pick(double[] values, int index, string what)
    {
        if (values.Length == 0) throw new PixelDataException($"{what} is empty");
        if (values.Length == 1) return values[0];
        if ((uint)index >= (uint)values.Length)
            throw new PixelDataException($"{what} index {index} is out of range: the data set has {values.Length} values");
        return values[index];
    }

    private static VoiLut LutFromSequence(DicomDataset dataset, IReadOnlyList<DicomDataset> seq, int index)
    {
        if ((uint)index >= (uint)seq.Count)
            throw new PixelDataException($"VOI LUT Sequence index {index} is out of range: the sequence has {seq.Count} items");
        var item = seq[index];
        var desc = item[DicomTags.LutDescriptor] ?? throw new PixelDataException($"VOI LUT Sequence item {index} has no LUT Descriptor (0028,3002)");
        var data = item[DicomTags.LutData] ?? throw new PixelDataException($"VOI LUT Sequence item {index} has no LUT Data (0028,3006)");
        var d = LutDescriptor.FromElement(desc, dataset.PixelRepresentation == 1);
        if (d.BitsPerEntry is not (8 or (>= 10 and <= 16)))
            throw new PixelDataException($"VOI LUT Descriptor bits per entry must be 8 or 10..16, not {d.BitsPerEntry}");
        return FromLut(LookupTable.FromData(d, data, "VOI LUT"));
    }

    /// <summary>What the transform does.</summary>
    public VoiLutKind Kind { get; }
    /// <summary>Window Center.</summary>
    public double Center { get; }
    /// <summary>Window Width.</summary>
    public double Width { get; }
    /// <summary>The VOI LUT Function of the window.</summary>
    public VoiLutFunction Function { get; }
    /// <summary>Lowest window output.</summary>
    public double OutputMin { get; }
    /// <summary>Highest window output.</summary>
    public double OutputMax { get; }
    /// <summary>The LUT when <see cref="VoiLutKind.Lut"/>.</summary>
    public LookupTable? Lut { get; }

    /// <summary>The element type pydicom returns: float64 for a window, the LUT's type for a LUT, else the input's.</summary>
    public PixelElementType OutputElementType(PixelElementType input) => TransformLayouts.ElementTypeAfter(input, Kind == VoiLutKind.Window, Lut);

    /// <summary>The layout of the natural output for <paramref name="input"/>.</summary>
    public FrameLayout OutputLayout(FrameLayout input) => TransformLayouts.LayoutAfter(input, Kind == VoiLutKind.Window, Lut);

    /// <summary>The window's output for one input value (float64, exactly as pydicom computes it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double WindowValue(double x)
    {
        double yMin = OutputMin, range = OutputMax - OutputMin;
        if (Function == VoiLutFunction.Sigmoid)
            return range / (1 + Math.Exp(-4 * (x - Center) / Width)) + yMin;
        double c = Center, w = Width;
        if (Function == VoiLutFunction.Linear) { c -= 0.5; w -= 1; }
        if (x <= c - w / 2) return yMin;
        if (x > c + w / 2) return OutputMax;
        return ((x - c) / w + 0.5) * range + yMin;
    }

    /// <summary>
    /// Applies the transform into <paramref name="destination"/> (same length; may alias the source when the types
    /// match). Window results go to float outputs as computed and to integer outputs rounded to nearest (ties to
    /// even) and saturated. 16-bit input to 8-bit output of a linear window is vectorised.
    /// </summary>
    public void Apply<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
        where TIn : unmanaged, INumberBase<TIn>
        where TOut : unmanaged, INumberBase<TOut>
    {
        if (destination.Length < source.Length) throw new ArgumentException("Destination is shorter than the source", nameof(destination));
        switch (Kind)
        {
            case VoiLutKind.Lut:
                Lut!.Apply(source, destination);
                return;
            case VoiLutKind.Window:
                int done = 0;
                if (typeof(TOut) == typeof(byte) && Function != VoiLutFunction.Sigmoid && (typeof(TIn) == typeof(ushort) || typeof(TIn) == typeof(short)))
                {
                    done = WindowTo8BitPlanned(source, destination);
                    if (done == 0) done = WindowTo8BitVector(source, destination);
                }
                bool floatOut = typeof(TOut) == typeof(double) || typeof(TOut) == typeof(float);
                for (int i = done; i < source.Length; i++)
                {
                    double v = WindowValue(double.CreateTruncating(source[i]));
                    destination[i] = floatOut ? TOut.CreateTruncating(v) : TOut.CreateSaturating(Math.Round(v, MidpointRounding.ToEven));
                }
                return;
            default:
                for (int i = 0; i < source.Length; i++) destination[i] = TOut.CreateSaturating(source[i]);
                return;
        }
    }

    // Linear windows of 16-bit samples into bytes, 8 samples per step in float64 lanes: the same operations as
    // WindowValue, so the results are bit-identical to the scalar path before rounding.
    private int WindowTo8BitVector<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
        where TIn : unmanaged where TOut : unmanaged
    {
        if (!Avx.IsSupported || source.Length < 8) return 0;
        double c = Center, w = Width;
        if (Function == VoiLutFunction.Linear) { c -= 0.5; w -= 1; }
        var vLo = Vector256.Create(c - w / 2);
        var vHi = Vector256.Create(c + w / 2);
        var vC = Vector256.Create(c);
        var vW = Vector256.Create(w);
        var vHalf = Vector256.Create(0.5);
        var vRange = Vector256.Create(OutputMax - OutputMin);
        var vMin = Vector256.Create(OutputMin);
        var vMax = Vector256.Create(OutputMax);
        var v0 = Vector256<double>.Zero;
        var v255 = Vector256.Create(255.0);
        bool signed = typeof(TIn) == typeof(short);
        var src = System.Runtime.InteropServices.MemoryMarshal.Cast<TIn, ushort>(source);
        var dst = System.Runtime.InteropServices.MemoryMarshal.Cast<TOut, byte>(destination);
        int n = src.Length & ~7;
        for (int i = 0; i < n; i += 8)
        {
            var raw = Vector128.LoadUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(src), (nuint)i);
            Vector128<int> lo, hi;
            if (signed)
            {
                var s = raw.AsInt16();
                lo = Vector128.WidenLower(s);
                hi = Vector128.WidenUpper(s);
            }
            else
            {
                lo = Vector128.WidenLower(raw).AsInt32();
                hi = Vector128.WidenUpper(raw).AsInt32();
            }
            var r0 = Window4(Avx.ConvertToVector256Double(lo), vLo, vHi, vC, vW, vHalf, vRange, vMin, vMax, v0, v255);
            var r1 = Window4(Avx.ConvertToVector256Double(hi), vLo, vHi, vC, vW, vHalf, vRange, vMin, vMax, v0, v255);
            var ints = Vector128.Narrow(Avx.ConvertToVector128Int32(r0), Avx.ConvertToVector128Int32(r1)); // 8 × short, 0..255
            var bytes = Vector128.Narrow(ints.AsUInt16(), ints.AsUInt16());
            System.Runtime.CompilerServices.Unsafe.WriteUnaligned(ref System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(dst), i), bytes.AsUInt64().ToScalar());
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Window4(Vector256<double> x, Vector256<double> lo, Vector256<double> hi, Vector256<double> c, Vector256<double> w,
        Vector256<double> half, Vector256<double> range, Vector256<double> yMin, Vector256<double> yMax, Vector256<double> zero, Vector256<double> max8)
    {
        var y = ((x - c) / w + half) * range + yMin;
        y = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, lo), yMin, y);
        y = Vector256.ConditionalSelect(Vector256.GreaterThan(x, hi), yMax, y);
        y = Avx.RoundToNearestInteger(y);
        return Vector256.Min(Vector256.Max(y, zero), max8);
    }
}
