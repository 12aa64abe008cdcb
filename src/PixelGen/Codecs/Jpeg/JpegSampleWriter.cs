using System.Runtime.InteropServices;
using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// Stores decoded JPEG samples as the decoding contract wants them: element type of the layout (8- or 16-bit),
/// bits above High Bit dropped, signed values sign-extended from Bits Stored, samples interleaved.
/// </summary>
internal readonly struct JpegSampleWriter
{
    private readonly int _shift;
    private readonly int _mask;
    private readonly int _signShift; // 32 - BitsStored when signed, else 0
    private readonly bool _wide;
    private readonly int _samples;
    private readonly int _columns;

    public JpegSampleWriter(FrameLayout layout)
    {
        _shift = layout.HighBit + 1 - layout.BitsStored;
        _mask = layout.BitsStored >= 31 ? -1 : (1 << layout.BitsStored) - 1;
        _signShift = layout.IsSigned ? 32 - layout.BitsStored : 0;
        _wide = layout.BitsAllocated == 16;
        _samples = layout.SamplesPerPixel;
        _columns = layout.Columns;
    }

    /// <summary>True when the stored value equals the decoded value for every input (nothing to mask or extend).</summary>
    private bool IsIdentity(int precision) => _shift == 0 && _signShift == 0 && _mask >= (1 << precision) - 1;

    /// <summary>
    /// Writes one row of one component: <paramref name="values"/> are decoded samples (before the point transform
    /// shift <paramref name="pointTransform"/>, which is applied here modulo 2^16).
    /// </summary>
    public void WriteRow(ReadOnlySpan<int> values, int pointTransform, int precision, Span<byte> destination, int row, int component)
    {
        int count = _columns;
        values = values[..count];
        int start = (row * _columns) * _samples + component;
        int shift = _shift, mask = _mask, signShift = _signShift, step = _samples;
        bool identity = pointTransform == 0 && IsIdentity(precision);
        if (_wide)
        {
            var d = MemoryMarshal.Cast<byte, ushort>(destination);
            d = d.Slice(start, (count - 1) * step + 1);
            if (identity && step == 1)
            {
                for (int x = 0; x < values.Length; x++) d[x] = (ushort)values[x];
                return;
            }
            for (int x = 0, o = 0; x < values.Length; x++, o += step)
            {
                int v = ((values[x] << pointTransform) & 0xFFFF) >> shift & mask;
                d[o] = (ushort)((v << signShift) >> signShift);
            }
        }
        else
        {
            var d = destination.Slice(start, (count - 1) * step + 1);
            if (identity && step == 1)
            {
                for (int x = 0; x < values.Length; x++) d[x] = (byte)values[x];
                return;
            }
            for (int x = 0, o = 0; x < values.Length; x++, o += step)
            {
                int v = ((values[x] << pointTransform) & 0xFFFF) >> shift & mask;
                d[o] = (byte)((v << signShift) >> signShift);
            }
        }
    }
}
