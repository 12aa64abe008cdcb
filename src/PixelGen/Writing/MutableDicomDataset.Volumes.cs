using System.Runtime.InteropServices;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Writing;

public partial class MutableDicomDataset
{
    /// <summary>
    /// <c>SetPixelData</c> from a decoded volume: its shape, element type and Photometric Interpretation (unless the
    /// options give one; decoded YBR_FULL_422 is full resolution and becomes YBR_FULL).
    /// </summary>
    public void SetPixelData(IPixelVolume volume, SetPixelDataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var shape = new PixelArrayShape(volume.Frames, volume.Rows, volume.Columns, volume.SamplesPerPixel);
        SetPixelDataBytes(volume.ElementType, volume.AsBytes(), shape, WithPhotometric(options, volume.PhotometricInterpretation));
    }

    /// <summary><c>SetPixelData</c> from one decoded frame (a single-frame image).</summary>
    public void SetPixelData(IPixelFrame frame, SetPixelDataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var shape = PixelArrayShape.Single(frame.Rows, frame.Columns, frame.SamplesPerPixel);
        SetPixelDataBytes(frame.ElementType, frame.AsBytes(), shape, WithPhotometric(options, frame.PhotometricInterpretation));
    }

    private static SetPixelDataOptions WithPhotometric(SetPixelDataOptions? options, string photometric)
    {
        options ??= new SetPixelDataOptions();
        if (options.PhotometricInterpretation is not null) return options;
        return options with { PhotometricInterpretation = photometric == "YBR_FULL_422" ? "YBR_FULL" : photometric };
    }

    private void SetPixelDataBytes(PixelElementType type, Span<byte> bytes, PixelArrayShape shape, SetPixelDataOptions options)
    {
        switch (type)
        {
            case PixelElementType.UInt8: SetPixelData<byte>(bytes, shape, options); break;
            case PixelElementType.Int8: SetPixelData(MemoryMarshal.Cast<byte, sbyte>(bytes), shape, options); break;
            case PixelElementType.UInt16: SetPixelData(MemoryMarshal.Cast<byte, ushort>(bytes), shape, options); break;
            case PixelElementType.Int16: SetPixelData(MemoryMarshal.Cast<byte, short>(bytes), shape, options); break;
            case PixelElementType.UInt32: SetPixelData(MemoryMarshal.Cast<byte, uint>(bytes), shape, options); break;
            case PixelElementType.Int32: SetPixelData(MemoryMarshal.Cast<byte, int>(bytes), shape, options); break;
            case PixelElementType.UInt64: SetPixelData(MemoryMarshal.Cast<byte, ulong>(bytes), shape, options); break;
            case PixelElementType.Int64: SetPixelData(MemoryMarshal.Cast<byte, long>(bytes), shape, options); break;
            case PixelElementType.Float32: SetPixelData(MemoryMarshal.Cast<byte, float>(bytes), shape, options); break;
            case PixelElementType.Float64: SetPixelData(MemoryMarshal.Cast<byte, double>(bytes), shape, options); break;
            default: throw new PixelDataException($"Pixels of element type {type} cannot be written");
        }
    }
}
