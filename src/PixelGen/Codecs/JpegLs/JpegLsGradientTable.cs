using System.Collections.Concurrent;

namespace PixelGen.Codecs.JpegLs;

/// <summary>
/// Gradient quantisation (T.87 A.3.3) as a lookup table over every possible difference −MAXVAL..MAXVAL,
/// shared between decodes with the same parameters (at most a few distinct sets exist in practice).
/// </summary>
internal static class JpegLsGradientTable
{
    private const int MaxCached = 16;
    private static readonly ConcurrentDictionary<(int, int, int, int, int), sbyte[]> s_cache = new();

    /// <summary>Table indexed by <c>difference + MAXVAL</c>, values −4..4.</summary>
    public static sbyte[] For(in JpegLsCodingParameters p)
    {
        var key = (p.MaxVal, p.Near, p.T1, p.T2, p.T3);
        if (s_cache.TryGetValue(key, out var table)) return table;
        table = Build(p);
        if (s_cache.Count < MaxCached) s_cache.TryAdd(key, table);
        return table;
    }

    private static sbyte[] Build(in JpegLsCodingParameters p)
    {
        var table = new sbyte[2 * p.MaxVal + 1];
        for (int d = -p.MaxVal; d <= p.MaxVal; d++)
            table[d + p.MaxVal] = Quantize(d, p.Near, p.T1, p.T2, p.T3);
        return table;
    }

    public static sbyte Quantize(int d, int near, int t1, int t2, int t3)
    {
        if (d <= -t3) return -4;
        if (d <= -t2) return -3;
        if (d <= -t1) return -2;
        if (d < -near) return -1;
        if (d <= near) return 0;
        if (d < t1) return 1;
        if (d < t2) return 2;
        if (d < t3) return 3;
        return 4;
    }
}
