using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>
/// Named transform chains over decoded frames, with the ids the corpus references use:
/// <c>modality_lut</c>, <c>voi_lut</c>, <c>modality_lut+voi_lut</c>, <c>color_lut</c>, <c>ybr_full_to_rgb</c>
/// and <c>palette:NAME</c> (a well-known palette by name or SOP Instance UID). Each is built from the data set with
/// the transform factories (as pydicom's functions read it) and applied to any number of whole frames.
/// </summary>
public sealed class TransformPipeline
{
    private readonly ModalityLut? _modality;
    private readonly VoiLut? _voi;
    private readonly PaletteColorLut? _palette;
    private readonly bool _ybrToRgb;

    private TransformPipeline(string id, FrameLayout input, FrameLayout output, ModalityLut? modality, VoiLut? voi, PaletteColorLut? palette, bool ybrToRgb)
    {
        Id = id;
        InputLayout = input;
        OutputLayout = output;
        _modality = modality;
        _voi = voi;
        _palette = palette;
        _ybrToRgb = ybrToRgb;
    }

    /// <summary>The transform ids understood by <see cref="Create"/> (plus <c>palette:NAME</c>).</summary>
    public static IReadOnlyList<string> Ids { get; } = ["modality_lut", "voi_lut", "modality_lut+voi_lut", "color_lut", "ybr_full_to_rgb"];

    /// <summary>The id.</summary>
    public string Id { get; }
    /// <summary>The decoded layout the pipeline reads.</summary>
    public FrameLayout InputLayout { get; }
    /// <summary>The layout it writes (element type, samples, photometric interpretation).</summary>
    public FrameLayout OutputLayout { get; }

    /// <summary>Bytes of one output frame.</summary>
    public long OutputFrameLength => OutputLayout.DecodedFrameLength;

    /// <summary>
    /// Builds the pipeline <paramref name="id"/> for frames of <paramref name="layout"/> described by <paramref name="dataset"/>;
    /// <paramref name="index"/> selects the VOI window or VOI LUT item.
    /// </summary>
    /// <exception cref="PixelDataException">The data set lacks what the transform needs, or holds bad LUT data.</exception>
    /// <exception cref="ArgumentException">Unknown id or palette name.</exception>
    public static TransformPipeline Create(string id, DicomDataset dataset, FrameLayout layout, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(layout);
        var inType = layout.ElementType;
        switch (id)
        {
            case "modality_lut":
            {
                RequireGray(layout, id);
                var m = ModalityLut.FromDataset(dataset);
                return new(id, layout, m.OutputLayout(layout), m, null, null, false);
            }
            case "voi_lut":
            {
                RequireGray(layout, id);
                var v = VoiLut.FromDataset(dataset, index);
                return new(id, layout, v.OutputLayout(layout), null, v, null, false);
            }
            case "modality_lut+voi_lut":
            {
                RequireGray(layout, id);
                var m = ModalityLut.FromDataset(dataset);
                var v = VoiLut.FromDataset(dataset, index);
                return new(id, layout, v.OutputLayout(m.OutputLayout(layout)), m, v, null, false);
            }
            case "color_lut":
            {
                PaletteColorLut.RequireIndices(layout);
                var p = PaletteColorLut.FromDataset(dataset);
                return new(id, layout, p.OutputLayout(layout), null, null, p, false);
            }
            case "ybr_full_to_rgb":
                if (layout.SamplesPerPixel != 3) throw new PixelDataException($"ybr_full_to_rgb needs 3 samples per pixel, not {layout.SamplesPerPixel}");
                if (inType is not (PixelElementType.UInt8 or PixelElementType.UInt16))
                    throw new PixelDataException($"ybr_full_to_rgb needs 8- or 16-bit unsigned samples, not {inType}");
                return new(id, layout, ColorSpace.RgbLayout(layout), null, null, null, true);
            default:
                if (id.StartsWith("palette:", StringComparison.Ordinal))
                {
                    if (layout.SamplesPerPixel != 1 || inType != PixelElementType.UInt8)
                        throw new PixelDataException($"Well-known palettes apply to 8-bit single-sample data, not {layout}");
                    var p = WellKnownPalettes.Get(id["palette:".Length..]);
                    return new(id, layout, p.OutputLayout(layout), null, null, p, false);
                }
                throw new ArgumentException($"Unknown transform '{id}' (one of {string.Join(", ", Ids)}, palette:NAME)", nameof(id));
        }
    }

    private static void RequireGray(FrameLayout layout, string id)
    {
        if (layout.SamplesPerPixel != 1) throw new PixelDataException($"{id} needs one sample per pixel, not {layout.SamplesPerPixel}");
    }

    /// <summary>
    /// Applies the pipeline to whole decoded frames in <paramref name="source"/> (a multiple of the input frame
    /// length) into <paramref name="destination"/> (the same number of output frames). Intermediate values of a
    /// two-step chain use a pooled buffer; single steps write straight into <paramref name="destination"/>.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public int Apply(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        long inFrame = InputLayout.DecodedFrameLength;
        if (inFrame <= 0 || source.Length % inFrame != 0)
            throw new PixelDataException($"Input of {source.Length} bytes is not a whole number of {inFrame}-byte frames");
        long frames = source.Length / inFrame;
        long outBytes = frames * OutputFrameLength;
        if (outBytes > int.MaxValue) throw new PixelDataException($"Output of {outBytes} bytes is too large for one call; apply fewer frames at a time");
        if (destination.Length < outBytes) throw new ArgumentException($"Destination needs {outBytes} bytes", nameof(destination));
        var dst = destination[..(int)outBytes];
        if (_ybrToRgb)
        {
            source.CopyTo(dst); // memmove: a no-op cost when converting in place is the caller's choice
            if (InputLayout.ElementType == PixelElementType.UInt8) ColorSpace.YbrFullToRgb(dst);
            else ColorSpace.YbrFullToRgb(MemoryMarshal.Cast<byte, ushort>(dst), InputLayout.BitsStored);
            return dst.Length;
        }
        if (_palette is not null)
        {
            DispatchIn(InputLayout.ElementType, source, dst, OutputLayout.ElementType, new PaletteStep(_palette));
            return dst.Length;
        }
        if (_modality is not null && _voi is not null)
        {
            var midLayout = _modality.OutputLayout(InputLayout);
            long midBytes = frames * midLayout.DecodedFrameLength;
            var rented = ArrayPool<byte>.Shared.Rent((int)midBytes);
            try
            {
                var mid = rented.AsSpan(0, (int)midBytes);
                DispatchIn(InputLayout.ElementType, source, mid, midLayout.ElementType, new ModalityStep(_modality));
                DispatchIn(midLayout.ElementType, mid, dst, OutputLayout.ElementType, new VoiStep(_voi));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
            return dst.Length;
        }
        if (_modality is not null) DispatchIn(InputLayout.ElementType, source, dst, OutputLayout.ElementType, new ModalityStep(_modality));
        else DispatchIn(InputLayout.ElementType, source, dst, OutputLayout.ElementType, new VoiStep(_voi!));
        return dst.Length;
    }

    private interface IStep
    {
        void Run<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
            where TIn : unmanaged, INumberBase<TIn> where TOut : unmanaged, INumberBase<TOut>;
    }

    private readonly struct ModalityStep(ModalityLut t) : IStep
    {
        public void Run<TIn, TOut>(ReadOnlySpan<TIn> s, Span<TOut> d) where TIn : unmanaged, INumberBase<TIn> where TOut : unmanaged, INumberBase<TOut> => t.Apply(s, d);
    }

    private readonly struct VoiStep(VoiLut t) : IStep
    {
        public void Run<TIn, TOut>(ReadOnlySpan<TIn> s, Span<TOut> d) where TIn : unmanaged, INumberBase<TIn> where TOut : unmanaged, INumberBase<TOut> => t.Apply(s, d);
    }

    private readonly struct PaletteStep(PaletteColorLut t) : IStep
    {
        public void Run<TIn, TOut>(ReadOnlySpan<TIn> s, Span<TOut> d) where TIn : unmanaged, INumberBase<TIn> where TOut : unmanaged, INumberBase<TOut> => t.Apply(s, d);
    }

    private static void DispatchIn<TStep>(PixelElementType inType, ReadOnlySpan<byte> s, Span<byte> d, PixelElementType outType, TStep step) where TStep : IStep
    {
        switch (inType)
        {
            case PixelElementType.UInt8: DispatchOut(MemoryMarshal.Cast<byte, byte>(s), d, outType, step); break;
            case PixelElementType.Int8: DispatchOut(MemoryMarshal.Cast<byte, sbyte>(s), d, outType, step); break;
            case PixelElementType.UInt16: DispatchOut(MemoryMarshal.Cast<byte, ushort>(s), d, outType, step); break;
            case PixelElementType.Int16: DispatchOut(MemoryMarshal.Cast<byte, short>(s), d, outType, step); break;
            case PixelElementType.UInt32: DispatchOut(MemoryMarshal.Cast<byte, uint>(s), d, outType, step); break;
            case PixelElementType.Int32: DispatchOut(MemoryMarshal.Cast<byte, int>(s), d, outType, step); break;
            case PixelElementType.Float32: DispatchOut(MemoryMarshal.Cast<byte, float>(s), d, outType, step); break;
            case PixelElementType.Float64: DispatchOut(MemoryMarshal.Cast<byte, double>(s), d, outType, step); break;
            default: throw new PixelDataException($"Transforms do not take {inType} input");
        }
    }

    private static void DispatchOut<TIn, TStep>(ReadOnlySpan<TIn> s, Span<byte> d, PixelElementType outType, TStep step)
        where TIn : unmanaged, INumberBase<TIn> where TStep : IStep
    {
        switch (outType)
        {
            case PixelElementType.UInt8: step.Run(s, d); break;
            case PixelElementType.Int8: step.Run(s, MemoryMarshal.Cast<byte, sbyte>(d)); break;
            case PixelElementType.UInt16: step.Run(s, MemoryMarshal.Cast<byte, ushort>(d)); break;
            case PixelElementType.Int16: step.Run(s, MemoryMarshal.Cast<byte, short>(d)); break;
            case PixelElementType.UInt32: step.Run(s, MemoryMarshal.Cast<byte, uint>(d)); break;
            case PixelElementType.Int32: step.Run(s, MemoryMarshal.Cast<byte, int>(d)); break;
            case PixelElementType.Float32: step.Run(s, MemoryMarshal.Cast<byte, float>(d)); break;
            case PixelElementType.Float64: step.Run(s, MemoryMarshal.Cast<byte, double>(d)); break;
            default: throw new PixelDataException($"Transforms do not write {outType} output");
        }
    }
}
