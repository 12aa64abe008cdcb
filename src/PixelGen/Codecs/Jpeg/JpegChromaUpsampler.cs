namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// Brings a subsampled component row to full resolution the way IJG libjpeg 6b (inside GDCM and dcmtk, which
/// made the corpus references) does by default: "fancy" triangle filtering for 2:1 horizontal (h2v1) and 2:1 both
/// ways (h2v2) when the component is wider than 2 samples, edge samples replicated; plain replication otherwise.
/// </summary>
internal static class JpegChromaUpsampler
{
    /// <summary>
    /// Writes output row <paramref name="y"/> of a component into <paramref name="output"/>, which must hold at least
    /// max(columns, hs × <paramref name="width"/>) values.
    /// </summary>
    /// <param name="plane">The component's samples, <paramref name="stride"/> per row.</param>
    /// <param name="stride">Samples from one component row to the next.</param>
    /// <param name="width">Real samples per component row (libjpeg's downsampled_width).</param>
    /// <param name="height">Real component rows (downsampled_height).</param>
    /// <param name="hs">Horizontal subsampling ratio (max H / H).</param>
    /// <param name="vs">Vertical subsampling ratio (max V / V).</param>
    /// <param name="y">Output (full-resolution) row.</param>
    /// <param name="columns">Output samples per row.</param>
    /// <param name="output">Receives the row.</param>
    public static void UpsampleRow(ReadOnlySpan<short> plane, int stride, int width, int height, int hs, int vs, int y, int columns, Span<int> output)
    {
        if (hs == 1 && vs == 1)
        {
            var row = plane.Slice(y * stride, columns);
            for (int x = 0; x < row.Length; x++) output[x] = row[x];
            return;
        }
        if (hs == 2 && vs == 1 && width > 2)
        {
            H2V1(plane.Slice(y * stride, width), output);
            return;
        }
        if (hs == 2 && vs == 2 && width > 2)
        {
            int r = y >> 1;
            int near = (y & 1) == 0 ? Math.Max(r - 1, 0) : Math.Min(r + 1, height - 1);
            H2V2(plane.Slice(r * stride, width), plane.Slice(near * stride, width), output);
            return;
        }
        var src = plane.Slice(Math.Min(y / vs, height - 1) * stride, width);
        for (int x = 0; x < columns; x++) output[x] = src[Math.Min(x / hs, width - 1)];
    }

    private static void H2V1(ReadOnlySpan<short> s, Span<int> o)
    {
        int w = s.Length;
        o = o[..(2 * w)];
        o[0] = s[0];
        o[1] = (s[0] * 3 + s[1] + 2) >> 2;
        for (int i = 1; i < w - 1; i++)
        {
            int v = s[i] * 3;
            o[2 * i] = (v + s[i - 1] + 1) >> 2;
            o[2 * i + 1] = (v + s[i + 1] + 2) >> 2;
        }
        o[2 * w - 2] = (s[w - 1] * 3 + s[w - 2] + 1) >> 2;
        o[2 * w - 1] = s[w - 1];
    }

    private static void H2V2(ReadOnlySpan<short> s0, ReadOnlySpan<short> s1, Span<int> o)
    {
        int w = s0.Length;
        o = o[..(2 * w)];
        s1 = s1[..w];
        int last, cur = s0[0] * 3 + s1[0], next = s0[1] * 3 + s1[1];
        o[0] = (cur * 4 + 8) >> 4;
        o[1] = (cur * 3 + next + 7) >> 4;
        for (int i = 1; i < w - 1; i++)
        {
            last = cur;
            cur = next;
            next = s0[i + 1] * 3 + s1[i + 1];
            o[2 * i] = (cur * 3 + last + 8) >> 4;
            o[2 * i + 1] = (cur * 3 + next + 7) >> 4;
        }
        last = cur;
        cur = next;
        o[2 * w - 2] = (cur * 3 + last + 8) >> 4;
        o[2 * w - 1] = (cur * 4 + 7) >> 4;
    }
}
