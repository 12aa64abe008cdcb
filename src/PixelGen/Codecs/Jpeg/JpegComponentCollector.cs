using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using JpegLibrary;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// Receives JpegLibrary's spatial 8x8 blocks and keeps every component at its own (subsampled) resolution,
/// clamped to 0..2^P-1. JpegLibrary hands subsampled blocks over already replicated to full resolution (nearest
/// neighbour) at full-resolution coordinates; taking every hs-th/vs-th sample recovers the stored samples exactly,
/// so our own upsampler can work from them.
/// </summary>
internal sealed class JpegComponentCollector : JpegBlockOutputWriter, IDisposable
{
    private readonly short[][] _planes;
    private readonly int[] _stride, _rows, _hs, _vs;
    private readonly int _max;

    /// <summary>Samples that really belong to each component (libjpeg's downsampled_width/height).</summary>
    public readonly int[] Width, Height;

    /// <param name="frame">The frame header.</param>
    /// <param name="clear">
    /// Zero the planes first (JpegLibrary may leave blocks of a damaged stream unwritten); the sequential decoder
    /// writes every block the upsampler reads before the planes are used, so it skips this.
    /// </param>
    public JpegComponentCollector(JpegFrameHeader frame, bool clear = true)
    {
        int n = frame.Components.Length;
        _planes = new short[n][];
        _stride = new int[n]; _rows = new int[n]; _hs = new int[n]; _vs = new int[n];
        Width = new int[n]; Height = new int[n];
        _max = (1 << frame.Precision) - 1;
        int mcuCols = (frame.Width + 8 * frame.MaxH - 1) / (8 * frame.MaxH);
        int mcuRows = (frame.Height + 8 * frame.MaxV - 1) / (8 * frame.MaxV);
        for (int i = 0; i < n; i++)
        {
            var c = frame.Components[i];
            _hs[i] = frame.MaxH / c.H;
            _vs[i] = frame.MaxV / c.V;
            _stride[i] = mcuCols * 8 * c.H;
            _rows[i] = mcuRows * 8 * c.V;
            Width[i] = (frame.Width * c.H + frame.MaxH - 1) / frame.MaxH;
            Height[i] = (frame.Height * c.V + frame.MaxV - 1) / frame.MaxV;
            _planes[i] = ArrayPool<short>.Shared.Rent(_stride[i] * _rows[i]);
            if (clear) _planes[i].AsSpan(0, _stride[i] * _rows[i]).Clear(); // blocks missing from a damaged stream stay 0
        }
    }

    public ReadOnlySpan<short> Plane(int component) => _planes[component].AsSpan(0, _stride[component] * _rows[component]);

    /// <summary>The component's plane for a decoder that writes samples itself (whole blocks, already clamped).</summary>
    public Span<short> WritablePlane(int component) => _planes[component].AsSpan(0, _stride[component] * _rows[component]);

    public int Stride(int component) => _stride[component];

    public int HorizontalFactor(int component) => _hs[component];

    public int VerticalFactor(int component) => _vs[component];

    public override void WriteBlock(ref short blockRef, int componentIndex, int x, int y)
    {
        if ((uint)componentIndex >= (uint)_planes.Length) return;
        int hs = _hs[componentIndex], vs = _vs[componentIndex];
        int sx = x / hs, sy = y / vs, stride = _stride[componentIndex], rows = _rows[componentIndex];
        var plane = _planes[componentIndex];
        int max = _max;
        if (hs == 1 && vs == 1 && sx >= 0 && sy >= 0 && sx + 8 <= stride && sy + 8 <= rows)
        {
            // Full-resolution block inside the plane: clamp and store a row of 8 at a time.
            var vmax = Vector128.Create((short)max);
            ref short dst = ref plane[sy * stride + sx];
            for (int i = 0; i < 8; i++)
            {
                var row = Vector128.LoadUnsafe(ref blockRef, (nuint)(i * 8));
                Vector128.Min(Vector128.Max(row, Vector128<short>.Zero), vmax).StoreUnsafe(ref dst, (nuint)(i * stride));
            }
            return;
        }
        // Subsampled: the block is hs x vs replicated; keep every hs-th sample of every vs-th row (powers of two).
        int hShift = hs >> 1, vShift = vs >> 1; // 1 → 0, 2 → 1, 4 → 2
        for (int i = 0; i < 8; i += vs)
        {
            int py = sy + (i >> vShift);
            if ((uint)py >= (uint)rows) break;
            int rowBase = py * stride;
            for (int j = 0; j < 8; j += hs)
            {
                int px = sx + (j >> hShift);
                if ((uint)px >= (uint)stride) break;
                int v = Unsafe.Add(ref blockRef, i * 8 + j);
                plane[rowBase + px] = (short)(v < 0 ? 0 : v > max ? max : v);
            }
        }
    }

    public void Dispose()
    {
        for (int i = 0; i < _planes.Length; i++)
        {
            if (_planes[i] is { Length: > 0 } p) ArrayPool<short>.Shared.Return(p);
            _planes[i] = [];
        }
    }
}
