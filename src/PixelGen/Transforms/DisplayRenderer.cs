using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>How <see cref="DisplayRenderer"/> maps a frame to 8-bit display values.</summary>
public sealed record RenderOptions
{
    /// <summary>Window Center to use instead of the data set's (with <see cref="WindowWidth"/>).</summary>
    public double? WindowCenter { get; init; }
    /// <summary>Window Width to use instead of the data set's.</summary>
    public double? WindowWidth { get; init; }
    /// <summary>Which data set window or VOI LUT Sequence item to use.</summary>
    public int VoiIndex { get; init; }
    /// <summary>Always produce RGB (grey replicated into three samples).</summary>
    public bool ForceRgb { get; init; }
}

/// <summary>
/// Turns one decoded frame into 8-bit display samples: grey images go Modality LUT → VOI (the data set's window or
/// VOI LUT, a caller's window, or the frame's min–max when there is none) → 0..255, inverted for MONOCHROME1;
/// PALETTE COLOR goes through its palette; YBR_FULL/YBR_FULL_422 (decoded, full resolution) is converted to RGB;
/// colour samples wider than 8 bits are scaled down by their Bits Stored.
/// </summary>
public static class DisplayRenderer
{
    /// <summary>1 (grey) or 3 (RGB): the samples per pixel <see cref="Render"/> writes.</summary>
    public static int OutputSamples(FrameLayout layout, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        bool grey = layout.SamplesPerPixel == 1 && layout.PhotometricInterpretation != "PALETTE COLOR";
        return grey && options?.ForceRgb != true ? 1 : 3;
    }

    /// <summary>
    /// Renders <paramref name="decodedFrame"/> (one decoded frame of <paramref name="layout"/>) into
    /// <paramref name="destination"/> (rows × columns × <see cref="OutputSamples"/> bytes).
    /// </summary>
    /// <exception cref="PixelDataException">Bad LUT data or window, or a layout that cannot be displayed.</exception>
    public static void Render(DicomDataset dataset, FrameLayout layout, ReadOnlySpan<byte> decodedFrame, Span<byte> destination, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new RenderOptions();
        long pixels = layout.PixelsPerFrame;
        int samples = OutputSamples(layout, options);
        if (decodedFrame.Length < layout.DecodedFrameLength) throw new PixelDataException($"Decoded frame has {decodedFrame.Length} bytes, the layout needs {layout.DecodedFrameLength}");
        if (destination.Length < pixels * samples) throw new ArgumentException($"Destination needs {pixels * samples} bytes", nameof(destination));
        var frame = decodedFrame[..(int)layout.DecodedFrameLength];
        var dst = destination[..(int)(pixels * samples)];

        if (layout.PhotometricInterpretation == "PALETTE COLOR")
        {
            PaletteColorLut.RequireIndices(layout);
            var palette = PaletteColorLut.FromDataset(dataset);
            if (palette.OutputSamples != 3) palette = new PaletteColorLut([palette.Channel(0).ToArray(), palette.Channel(1).ToArray(), palette.Channel(2).ToArray()], palette.FirstMapped, palette.BitsPerSample);
            if (palette.BitsPerSample == 8) Dispatch(layout.ElementType, frame, dst, palette);
            else
            {
                var wide = ArrayPool<ushort>.Shared.Rent(dst.Length);
                try
                {
                    Dispatch(layout.ElementType, frame, MemoryMarshal.AsBytes(wide.AsSpan(0, dst.Length)), palette, wideOutput: true);
                    for (int i = 0; i < dst.Length; i++) dst[i] = (byte)(wide[i] >> 8);
                }
                finally { ArrayPool<ushort>.Shared.Return(wide); }
            }
            return;
        }
        if (layout.SamplesPerPixel == 3)
        {
            RenderColour(layout, frame, dst);
            return;
        }
        if (layout.SamplesPerPixel != 1) throw new PixelDataException($"Cannot display {layout.SamplesPerPixel} samples per pixel");
        RenderGrey(dataset, layout, frame, dst, samples, options);
    }

    private static void RenderColour(FrameLayout layout, ReadOnlySpan<byte> frame, Span<byte> dst)
    {
        bool ybr = layout.PhotometricInterpretation is "YBR_FULL" or "YBR_FULL_422";
        if (layout.ElementType == PixelElementType.UInt8)
        {
            frame.CopyTo(dst);
            if (ybr) ColorSpace.YbrFullToRgb(dst);
            else if (layout.PhotometricInterpretation is "YBR_PARTIAL_422" or "YBR_PARTIAL_420") ColorSpace.YbrPartialToRgb(dst);
            return;
        }
        if (layout.ElementType == PixelElementType.UInt16)
        {
            var wide = MemoryMarshal.Cast<byte, ushort>(frame).ToArray();
            if (ybr) ColorSpace.YbrFullToRgb(wide, layout.BitsStored);
            int shift = Math.Max(0, layout.BitsStored - 8);
            for (int i = 0; i < dst.Length; i++) dst[i] = (byte)Math.Min(255, wide[i] >> shift);
            return;
        }
        throw new PixelDataException($"Cannot display colour samples of type {layout.ElementType}");
    }

    private static void RenderGrey(DicomDataset dataset, FrameLayout layout, ReadOnlySpan<byte> frame, Span<byte> dst, int samples, RenderOptions options)
    {
        long pixels = layout.PixelsPerFrame;
        var values = ArrayPool<double>.Shared.Rent((int)pixels);
        var grey = samples == 1 ? dst : new byte[pixels];
        try
        {
            var v = values.AsSpan(0, (int)pixels);
            var modality = ModalityLut.FromDataset(dataset);
            Dispatch(layout.ElementType, frame, MemoryMarshal.AsBytes(v), modality);

            VoiLut voi;
            if (options.WindowCenter is double c && options.WindowWidth is double w)
                voi = VoiLut.Window(c, w, VoiLut.ParseFunction(dataset.VoiLutFunction), 0, 255);
            else
                voi = VoiLut.FromDataset(dataset, options.VoiIndex, preferLut: true, outputMin: 0, outputMax: 255);
            if (voi.Kind == VoiLutKind.Identity)
            {
                // No VOI in the data set: stretch the frame's own range.
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                foreach (var x in v) { if (x < min) min = x; if (x > max) max = x; }
                voi = max > min ? VoiLut.Window((min + max) / 2, max - min, VoiLutFunction.LinearExact, 0, 255) : VoiLut.Window(min, 1, VoiLutFunction.Linear, 0, 255);
            }
            if (voi.Kind == VoiLutKind.Lut)
            {
                var lut = voi.Lut!;
                double scale = 255.0 / ((1 << lut.BitsPerEntry) - 1);
                for (int i = 0; i < v.Length; i++) grey[i] = (byte)Math.Round(lut.Lookup((long)Math.Truncate(v[i])) * scale);
            }
            else
            {
                voi.Apply<double, byte>(v, grey);
            }
            if (layout.PhotometricInterpretation == "MONOCHROME1")
                for (int i = 0; i < grey.Length; i++) grey[i] = (byte)(255 - grey[i]);
            if (samples == 3)
                for (int i = 0; i < grey.Length; i++) dst[3 * i] = dst[3 * i + 1] = dst[3 * i + 2] = grey[i];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
        }
    }

    private static void Dispatch(PixelElementType type, ReadOnlySpan<byte> s, Span<byte> d, PaletteColorLut p, bool wideOutput = false)
    {
        switch (type)
        {
            case PixelElementType.UInt8: Run(MemoryMarshal.Cast<byte, byte>(s), d, p, wideOutput); break;
            case PixelElementType.Int8: Run(MemoryMarshal.Cast<byte, sbyte>(s), d, p, wideOutput); break;
            case PixelElementType.UInt16: Run(MemoryMarshal.Cast<byte, ushort>(s), d, p, wideOutput); break;
            case PixelElementType.Int16: Run(MemoryMarshal.Cast<byte, short>(s), d, p, wideOutput); break;
            default: throw new PixelDataException($"PALETTE COLOR indices of type {type} are not supported");
        }
    }

    private static void Run<T>(ReadOnlySpan<T> src, Span<byte> d, PaletteColorLut p, bool wideOutput) where T : unmanaged, INumberBase<T>
    {
        if (wideOutput) p.Apply(src, MemoryMarshal.Cast<byte, ushort>(d));
        else p.Apply(src, d);
    }

    private static void Dispatch(PixelElementType type, ReadOnlySpan<byte> s, Span<byte> d, ModalityLut m)
    {
        var dd = MemoryMarshal.Cast<byte, double>(d);
        switch (type)
        {
            case PixelElementType.UInt8: m.Apply(MemoryMarshal.Cast<byte, byte>(s), dd); break;
            case PixelElementType.Int8: m.Apply(MemoryMarshal.Cast<byte, sbyte>(s), dd); break;
            case PixelElementType.UInt16: m.Apply(MemoryMarshal.Cast<byte, ushort>(s), dd); break;
            case PixelElementType.Int16: m.Apply(MemoryMarshal.Cast<byte, short>(s), dd); break;
            case PixelElementType.UInt32: m.Apply(MemoryMarshal.Cast<byte, uint>(s), dd); break;
            case PixelElementType.Int32: m.Apply(MemoryMarshal.Cast<byte, int>(s), dd); break;
            case PixelElementType.Float32: m.Apply(MemoryMarshal.Cast<byte, float>(s), dd); break;
            case PixelElementType.Float64: m.Apply(MemoryMarshal.Cast<byte, double>(s), dd); break;
            default: throw new PixelDataException($"Cannot display samples of type {type}");
        }
    }
}
