using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PixelGen.Codecs.JpegLs;

/// <summary>
/// Decodes the lines of one JPEG-LS scan (T.87 Annex A): context modelling over 365 regular and 2
/// run-interruption contexts, MED prediction with bias correction, limited-length Golomb codes, run mode
/// and NEAR reconstruction modulo RANGE. Reconstructed samples always stay in 0..MAXVAL, which keeps
/// every table index in bounds whatever the input.
/// </summary>
internal sealed class JpegLsScanDecoder
{
    private static readonly int[] J =
        [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    [ThreadStatic] private static JpegLsScanDecoder? t_cached;

    private readonly JpegLsRegularContext[] _contexts = new JpegLsRegularContext[365];
    private JpegLsRunContext _run0;
    private JpegLsRunContext _run1;
    private sbyte[] _quant = [];
    private int _maxVal, _near, _range, _qbpp, _limit, _reset, _twoNearPlusOne, _maxMapped;
    private int _runIndex;

    private JpegLsScanDecoder() { }

    /// <summary>
    /// This thread's decoder, initialised for a new scan. Decoding is synchronous and never re-entrant, so one
    /// instance per thread is reused and a frame decode allocates no context tables.
    /// </summary>
    public static JpegLsScanDecoder ForScan(in JpegLsCodingParameters p)
    {
        var decoder = t_cached ??= new JpegLsScanDecoder();
        decoder.Reset(p);
        return decoder;
    }

    private void Reset(in JpegLsCodingParameters p)
    {
        _maxVal = p.MaxVal;
        _near = p.Near;
        _range = p.Range;
        _qbpp = p.Qbpp;
        _limit = p.Limit;
        _reset = p.Reset;
        _twoNearPlusOne = 2 * p.Near + 1;
        // A valid mapped error never exceeds 2·RANGE; anything larger is corrupt data.
        _maxMapped = 2 * _range;
        _quant = JpegLsGradientTable.For(p);
        int a = Math.Max(2, (_range + 32) / 64);
        Array.Fill(_contexts, new JpegLsRegularContext(a));
        _run0 = new JpegLsRunContext(a, 0);
        _run1 = new JpegLsRunContext(a, 1);
        _runIndex = 0;
    }

    /// <summary>Run index of the component being decoded (line-interleaved scans keep one per component).</summary>
    public int RunIndex
    {
        get => _runIndex;
        set => _runIndex = value;
    }

    /// <summary>
    /// Decodes one line of one component. <paramref name="previous"/> and <paramref name="current"/> hold
    /// width + 2 samples: index 0 and width + 1 are the edge samples of A.2.1.
    /// </summary>
    public void DecodeLine(ref JpegLsBitReader reader, int[] previous, int[] current, int width)
    {
        if (previous.Length < width + 2 || current.Length < width + 2) throw new ArgumentException("line buffers too short");
        current[0] = previous[1];
        previous[width + 1] = previous[width];

        ref int prev = ref MemoryMarshal.GetArrayDataReference(previous);
        ref int cur = ref MemoryMarshal.GetArrayDataReference(current);
        // Differences lie in −MAXVAL..MAXVAL because every sample is in 0..MAXVAL.
        ref sbyte quant = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_quant), _maxVal);

        int x = 1;
        int rb = Unsafe.Add(ref prev, 1);
        int rc = Unsafe.Add(ref prev, 0);
        int ra = Unsafe.Add(ref cur, 0);
        while (x <= width)
        {
            int rd = Unsafe.Add(ref prev, x + 1);
            int q = (Unsafe.Add(ref quant, rd - rb) * 9 + Unsafe.Add(ref quant, rb - rc)) * 9 + Unsafe.Add(ref quant, rc - ra);
            if (q != 0)
            {
                ra = DecodeRegular(ref reader, q, Predict(ra, rb, rc));
                Unsafe.Add(ref cur, x) = ra;
                x++;
                rc = rb;
                rb = rd;
            }
            else
            {
                x += DecodeRun(ref reader, previous, current, x, width);
                if (x > width) break;
                ra = Unsafe.Add(ref cur, x - 1);
                rb = Unsafe.Add(ref prev, x);
                rc = Unsafe.Add(ref prev, x - 1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Predict(int ra, int rb, int rc)
    {
        int max = Math.Max(ra, rb), min = Math.Min(ra, rb);
        if (rc >= max) return min;
        if (rc <= min) return max;
        return ra + rb - rc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int DecodeRegular(ref JpegLsBitReader reader, int q, int predicted)
    {
        int sign = q >> 31;
        ref JpegLsRegularContext ctx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_contexts), (q ^ sign) - sign);
        int k = ctx.GolombK();
        int px = predicted + ((ctx.C ^ sign) - sign);
        if (px < 0) px = 0;
        else if (px > _maxVal) px = _maxVal;

        int mapped = reader.ReadGolomb(k, _limit, _qbpp);
        if ((uint)mapped > (uint)_maxMapped) throw Corrupt();
        int err = (mapped >> 1) ^ -(mapped & 1);
        if (k == 0 && _near == 0) err ^= (2 * ctx.B + ctx.N - 1) >> 31;
        ctx.Update(err, _twoNearPlusOne, _reset);
        return Reconstruct(px, (err ^ sign) - sign);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Reconstruct(int px, int err)
    {
        if (_near == 0)
        {
            int rx = px + err;
            if (rx < 0) rx += _range;
            else if (rx > _maxVal) rx -= _range;
            if ((uint)rx > (uint)_maxVal) throw Corrupt();
            return rx;
        }
        return ReconstructNear(px, err);
    }

    private int ReconstructNear(int px, int err)
    {
        int rx = px + err * _twoNearPlusOne;
        if (rx < -_near) rx += _range * _twoNearPlusOne;
        else if (rx > _maxVal + _near) rx -= _range * _twoNearPlusOne;
        return rx < 0 ? 0 : rx > _maxVal ? _maxVal : rx;
    }

    /// <summary>Run mode from column <paramref name="x"/>; returns the samples written (run plus interruption sample).</summary>
    private int DecodeRun(ref JpegLsBitReader reader, int[] previous, int[] current, int x, int width)
    {
        int ra = current[x - 1];
        int remaining = width - x + 1;
        int length = DecodeRunLength(ref reader, remaining);
        current.AsSpan(x, length).Fill(ra);
        if (length == remaining) return length;

        int end = x + length;
        int rb = previous[end];
        current[end] = DecodeInterruption(ref reader, ra, rb);
        if (_runIndex > 0) _runIndex--;
        return length + 1;
    }

    /// <summary>Reads a run length (A.7.1.2); never more than <paramref name="remaining"/>.</summary>
    private int DecodeRunLength(ref JpegLsBitReader reader, int remaining)
    {
        int index = 0;
        while (reader.ReadBit())
        {
            int step = 1 << J[_runIndex];
            int count = Math.Min(step, remaining - index);
            index += count;
            if (count == step && _runIndex < 31) _runIndex++;
            if (index == remaining) return index;
        }
        int j = J[_runIndex];
        if (j > 0) index += reader.ReadBits(j);
        if (index > remaining) throw Corrupt();
        return index;
    }

    private int DecodeInterruption(ref JpegLsBitReader reader, int ra, int rb)
    {
        if (Math.Abs(ra - rb) <= _near)
            return Reconstruct(ra, DecodeInterruptionError(ref reader, ref _run1));
        int err = DecodeInterruptionError(ref reader, ref _run0);
        return Reconstruct(rb, rb > ra ? err : -err);
    }

    private int DecodeInterruptionError(ref JpegLsBitReader reader, ref JpegLsRunContext ctx)
    {
        int k = ctx.GolombK();
        int emErrval = reader.ReadGolomb(k, _limit - J[_runIndex] - 1, _qbpp);
        if ((uint)emErrval > (uint)_maxMapped) throw Corrupt();
        int err = ctx.ErrorValue(emErrval, k);
        ctx.Update(err, emErrval, _reset);
        return err;
    }

    /// <summary>
    /// Decodes one line of a sample-interleaved scan (ILV 2) with <paramref name="components"/> samples per pixel.
    /// Buffers hold (width + 2) pixels of interleaved samples; pixel 0 and width + 1 are the edges.
    /// </summary>
    public void DecodeInterleavedLine(ref JpegLsBitReader reader, int[] previous, int[] current, int width, int components)
    {
        int nc = components;
        if (previous.Length < (width + 2) * nc || current.Length < (width + 2) * nc) throw new ArgumentException("line buffers too short");
        for (int c = 0; c < nc; c++)
        {
            current[c] = previous[nc + c];
            previous[(width + 1) * nc + c] = previous[width * nc + c];
        }
        Span<int> qs = stackalloc int[4];
        int x = 1;
        while (x <= width)
        {
            int p = x * nc;
            bool all0 = true;
            for (int c = 0; c < nc; c++)
            {
                int ra = current[p - nc + c], rb = previous[p + c], rc = previous[p - nc + c], rd = previous[p + nc + c];
                int q = (Q(rd - rb) * 9 + Q(rb - rc)) * 9 + Q(rc - ra);
                qs[c] = q;
                all0 &= q == 0;
            }
            if (!all0)
            {
                for (int c = 0; c < nc; c++)
                {
                    int ra = current[p - nc + c], rb = previous[p + c], rc = previous[p - nc + c];
                    current[p + c] = DecodeRegular(ref reader, qs[c], Predict(ra, rb, rc));
                }
                x++;
                continue;
            }

            int remaining = width - x + 1;
            int length = DecodeRunLength(ref reader, remaining);
            for (int i = 0; i < length; i++)
                for (int c = 0; c < nc; c++)
                    current[p + i * nc + c] = current[p - nc + c];
            x += length;
            if (length == remaining) break;

            // Run interruption of a pixel: every component uses the RItype 0 context, predicted from Rb.
            int e = x * nc;
            for (int c = 0; c < nc; c++)
            {
                int ra = current[e - nc + c], rb = previous[e + c];
                int err = DecodeInterruptionError(ref reader, ref _run0);
                current[e + c] = Reconstruct(rb, rb >= ra ? err : -err);
            }
            if (_runIndex > 0) _runIndex--;
            x++;
        }
    }

    private int Q(int d) => _quant[d + _maxVal];

    private static PixelDataException Corrupt() => new("JPEG-LS scan data is corrupt (decoded error value out of range)");
}
