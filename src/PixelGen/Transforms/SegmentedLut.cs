namespace PixelGen.Transforms;

/// <summary>
/// Expands Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2): discrete (opcode 0), linear (1) and
/// indirect (2) segments, with pydicom's arithmetic for linear segments (evenly spaced values from the previous
/// entry to the segment's end value, rounded half to even) and its reading of an indirect offset as an index
/// into the segment data (two 16-bit words, or four bytes for 8-bit data, least significant first).
/// </summary>
public static class SegmentedLut
{
    /// <summary>Largest number of entries an expanded table may have.</summary>
    public const int MaxEntries = 65536;

    private const int MaxIndirectDepth = 8;

    /// <summary>Expands segment data (one value per 8- or 16-bit word) into LUT entries.</summary>
    /// <param name="data">The decoded words of the segmented data.</param>
    /// <param name="eightBit">True when the words are 8-bit (an indirect offset then spans four words).</param>
    /// <exception cref="PixelDataException">Unknown opcode, truncated segment, first segment linear or indirect, bad offset, more than 65536 entries, or more segment visits than any real table needs.</exception>
    public static ushort[] Expand(ReadOnlySpan<ushort> data, bool eightBit)
    {
        var lut = new List<ushort>(256);
        // Indirect segments may copy segments that are themselves indirect, and empty segments add no entries, so
        // the entry limit alone does not bound the work: a few nested indirect segments over empty ones would
        // revisit billions of segments. No real table needs more visits than this.
        int budget = 4 * MaxEntries + data.Length;
        Expand(data, 0, eightBit, int.MaxValue, null, lut, 0, ref budget);
        return lut.ToArray();
    }

    private static void Expand(ReadOnlySpan<ushort> data, int offset, bool eightBit, int maxSegments, int? lastValue, List<ushort> lut, int depth, ref int budget)
    {
        int segments = 0;
        // offset + 1 < length: a trailing pad word is not a segment (every segment is longer than two words).
        while (offset + 1 < data.Length && segments < maxSegments)
        {
            int opcode = data[offset];
            int length = data[offset + 1];
            int at = offset;
            offset += 2;
            if (--budget < 0) throw Bad("the segments take too many steps to expand (indirect segments over empty ones?)", at);
            switch (opcode)
            {
                case 0:
                    if (offset + length > data.Length) throw Bad($"discrete segment of {length} entries runs past the end of the data", at);
                    Check(lut.Count + length, at);
                    for (int i = 0; i < length; i++) lut.Add(data[offset + i]);
                    offset += length;
                    break;
                case 1:
                {
                    if (offset >= data.Length) throw Bad("linear segment has no end value", at);
                    int y0 = lut.Count > 0 ? lut[^1] : lastValue ?? throw Bad("the first segment cannot be a linear segment", at);
                    int y1 = data[offset++];
                    Check(lut.Count + length, at);
                    AddLinear(lut, y0, y1, length);
                    break;
                }
                case 2:
                {
                    if (lut.Count == 0) throw Bad("the first segment cannot be an indirect segment", at);
                    if (depth >= MaxIndirectDepth) throw Bad("indirect segments nest too deeply (a loop?)", at);
                    long target;
                    if (eightBit)
                    {
                        if (offset + 4 > data.Length) throw Bad("indirect segment offset is truncated", at);
                        target = (long)data[offset] | ((long)data[offset + 1] << 8) | ((long)data[offset + 2] << 16) | ((long)data[offset + 3] << 24);
                        offset += 4;
                    }
                    else
                    {
                        if (offset + 2 > data.Length) throw Bad("indirect segment offset is truncated", at);
                        target = data[offset] | ((long)data[offset + 1] << 16);
                        offset += 2;
                    }
                    if (target >= data.Length) throw Bad($"indirect segment offset {target} is past the end of the data ({data.Length} words)", at);
                    Expand(data, (int)target, eightBit, length, lut[^1], lut, depth + 1, ref budget);
                    break;
                }
                default:
                    throw Bad($"unknown segment type {opcode}", at);
            }
            segments++;
        }
    }

    // numpy: around(linspace(y0 + step, y1, n)) with step = (y1 - y0) / n.
    private static void AddLinear(List<ushort> lut, int y0, int y1, int n)
    {
        if (n == 0) return;
        if (y0 == y1)
        {
            for (int i = 0; i < n; i++) lut.Add((ushort)y1);
            return;
        }
        double step = (double)(y1 - y0) / n;
        double start = y0 + step;
        double delta = n > 1 ? (y1 - start) / (n - 1) : 0;
        for (int i = 0; i < n - 1; i++)
            lut.Add((ushort)Math.Clamp(Math.Round(i * delta + start, MidpointRounding.ToEven), 0, 65535));
        lut.Add((ushort)y1);
    }

    private static void Check(int count, int at)
    {
        if (count > MaxEntries) throw Bad($"expands to more than {MaxEntries} entries", at);
    }

    private static PixelDataException Bad(string what, int wordIndex)
        => new($"Segmented palette LUT data: {what} (segment at word {wordIndex})");
}
