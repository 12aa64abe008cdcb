using System.Runtime.InteropServices;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Codecs.JpegLs;

/// <summary>
/// Writes decoded JPEG-LS lines into the caller's frame buffer in DICOM order (samples interleaved, little
/// endian, 8- or 16-bit elements), applying the decoding contract: bits above High Bit dropped, values masked to
/// Bits Stored and sign-extended when Pixel Representation is 1.
/// </summary>
internal readonly ref struct JpegLsSampleWriter
{
    private readonly Span<byte> _destination;
    private readonly int _columns, _samples, _elementSize, _shift, _mask, _signBit;

    public JpegLsSampleWriter(Span<byte> destination, FrameLayout layout)
    {
        _destination = destination;
        _columns = layout.Columns;
        _samples = layout.SamplesPerPixel;
        _elementSize = layout.ElementSize;
        _shift = layout.HighBit + 1 - layout.BitsStored;
        _mask = layout.BitsStored >= 31 ? -1 : (1 << layout.BitsStored) - 1;
        _signBit = layout.IsSigned ? 1 << (layout.BitsStored - 1) : 0;
    }

    /// <summary>True when the element type is one this writer produces.</summary>
    public static bool Supports(FrameLayout layout)
        => layout.ElementType is PixelElementType.UInt8 or PixelElementType.Int8 or PixelElementType.UInt16 or PixelElementType.Int16;

    /// <summary>Writes samples 1..columns of <paramref name="line"/> as component <paramref name="component"/> of row <paramref name="row"/>.</summary>
    public void WriteComponentLine(ReadOnlySpan<int> line, int row, int component)
    {
        var samples = line.Slice(1, _columns);
        long start = ((long)row * _columns * _samples + component) * _elementSize;
        int stride = _samples;
        int shift = _shift, mask = _mask, sign = _signBit;
        if (_elementSize == 2)
        {
            var dest = MemoryMarshal.Cast<byte, ushort>(_destination.Slice((int)start, ((_columns - 1) * stride + 1) * 2));
            if (shift == 0 && mask >= 0xFFFF && sign == 0)
            {
                for (int i = 0; i < samples.Length; i++) dest[i * stride] = (ushort)samples[i];
                return;
            }
            for (int i = 0; i < samples.Length; i++)
                dest[i * stride] = (ushort)((((samples[i] >> shift) & mask) ^ sign) - sign);
        }
        else
        {
            var dest = _destination.Slice((int)start, (_columns - 1) * stride + 1);
            for (int i = 0; i < samples.Length; i++)
                dest[i * stride] = (byte)((((samples[i] >> shift) & mask) ^ sign) - sign);
        }
    }

    /// <summary>Writes pixels 1..columns of an interleaved line (all components) as row <paramref name="row"/>.</summary>
    public void WritePixelLine(ReadOnlySpan<int> line, int row)
    {
        int n = _columns * _samples;
        var samples = line.Slice(_samples, n);
        long start = (long)row * n * _elementSize;
        int shift = _shift, mask = _mask, sign = _signBit;
        if (_elementSize == 2)
        {
            var dest = MemoryMarshal.Cast<byte, ushort>(_destination.Slice((int)start, n * 2));
            for (int i = 0; i < n; i++) dest[i] = (ushort)((((samples[i] >> shift) & mask) ^ sign) - sign);
        }
        else
        {
            var dest = _destination.Slice((int)start, n);
            for (int i = 0; i < n; i++) dest[i] = (byte)((((samples[i] >> shift) & mask) ^ sign) - sign);
        }
    }
}
