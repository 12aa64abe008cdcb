namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// A DHT table in canonical form (T.81 annex C) with a <see cref="LookupBits"/>-bit lookup table for the short
/// codes; longer codes fall back to the per-length MAXCODE/VALPTR search of T.81 F.2.2.3.
/// </summary>
internal sealed class JpegHuffmanTable
{
    public const int LookupBits = 9;

    /// <summary>Indexed by the next <see cref="LookupBits"/> bits: (code length &lt;&lt; 8) | symbol, or 0 for a longer code.</summary>
    public readonly ushort[] Lookup = new ushort[1 << LookupBits];

    /// <summary>Bits the lossless difference lookup looks at.</summary>
    public const int DiffLookupBits = 11;

    /// <summary>
    /// Process 14 shortcut, indexed by the next <see cref="DiffLookupBits"/> bits: when a code and its extra bits
    /// fit, (difference &lt;&lt; 8) | bits used; 0 when they do not (then decode symbol and bits separately).
    /// </summary>
    public readonly int[] DiffLookup;
    /// <summary>
    /// DCT AC shortcut, indexed by the next <see cref="LookupBits"/> bits: when a run/size code and its extra bits
    /// fit, (coefficient &lt;&lt; 16) | (run &lt;&lt; 8) | bits used; 0 otherwise (EOB, ZRL, long codes).
    /// </summary>
    public readonly int[] AcLookup;
    private readonly int[] _maxCode = new int[18]; // by length 1..16; [17] sentinel
    private readonly int[] _valOffset = new int[17];
    private readonly byte[] _symbols;

    /// <summary>An empty table to <see cref="Load"/> into (DCT tables are reused between frames).</summary>
    public JpegHuffmanTable(bool dct)
    {
        _symbols = new byte[256];
        DiffLookup = dct ? [] : new int[1 << DiffLookupBits];
        AcLookup = dct ? new int[1 << LookupBits] : [];
    }

    /// <summary>
    /// Parses one table at <paramref name="p"/> (after Tc/Th); returns the table and the bytes consumed.
    /// Rejects tables whose counts overflow the code space or exceed 256 symbols. <paramref name="dct"/> builds the
    /// AC shortcut (<see cref="AcLookup"/>) instead of the lossless one (<see cref="DiffLookup"/>).
    /// </summary>
    public static JpegHuffmanTable Parse(ReadOnlySpan<byte> p, int offset, out int consumed, bool dct = false)
    {
        var t = new JpegHuffmanTable(dct);
        t.Load(p, offset, out consumed);
        return t;
    }

    /// <summary>Replaces this table's contents with the table at <paramref name="p"/> (see <see cref="Parse"/>).</summary>
    public void Load(ReadOnlySpan<byte> p, int offset, out int consumed)
    {
        var t = this;
        bool dct = AcLookup.Length != 0;
        Lookup.AsSpan().Clear();
        AcLookup.AsSpan().Clear();
        DiffLookup.AsSpan().Clear();
        if (p.Length < 16) throw JpegMarkerReader.Error("DHT table is shorter than its 16 code counts", offset);
        int total = 0;
        for (int i = 0; i < 16; i++) total += p[i];
        if (total == 0 || total > 256) throw JpegMarkerReader.Error($"DHT table declares {total} codes (1-256 allowed)", offset);
        if (p.Length < 16 + total) throw JpegMarkerReader.Error($"DHT table declares {total} symbols but only {p.Length - 16} bytes follow", offset);
        p.Slice(16, total).CopyTo(_symbols);
        int code = 0, k = 0;
        for (int len = 1; len <= 16; len++)
        {
            int n = p[len - 1];
            t._valOffset[len] = k - code;
            if (n > 0)
            {
                if (code + n > (1 << len)) throw JpegMarkerReader.Error($"DHT table is not a prefix code (too many codes of length {len})", offset + len - 1);
                if (!dct) for (int i = 0; i < n; i++) t.AddDifferenceEntries(code + i, len, t._symbols[k + i]);
                if (len <= LookupBits)
                {
                    for (int i = 0; i < n; i++)
                    {
                        int shift = LookupBits - len;
                        ushort entry = (ushort)((len << 8) | t._symbols[k + i]);
                        int first = (code + i) << shift;
                        t.Lookup.AsSpan(first, 1 << shift).Fill(entry);
                        if (dct) t.AddAcEntries(code + i, len, t._symbols[k + i]);
                    }
                }
                k += n;
                code += n;
                t._maxCode[len] = code - 1;
            }
            else t._maxCode[len] = -1;
            code <<= 1;
        }
        t._maxCode[17] = int.MaxValue;
        consumed = 16 + total;
    }

    private void AddAcEntries(int code, int len, int rs)
    {
        int run = rs >> 4, size = rs & 15;
        int total = len + size;
        if (size == 0 || total > LookupBits) return;
        int free = LookupBits - total;
        for (int v = 0; v < (1 << size); v++)
        {
            int coef = v < (1 << (size - 1)) ? v - (1 << size) + 1 : v;
            int first = ((code << size) | v) << free;
            AcLookup.AsSpan(first, 1 << free).Fill((coef << 16) | (run << 8) | total);
        }
    }

    private void AddDifferenceEntries(int code, int len, int ssss)
    {
        int extra = ssss is 0 or >= 16 ? 0 : ssss;
        int total = len + extra;
        if (total > DiffLookupBits || ssss > 16) return;
        int free = DiffLookupBits - total;
        for (int v = 0; v < (1 << extra); v++)
        {
            int diff = ssss == 0 ? 0 : ssss == 16 ? 32768 : v < (1 << (ssss - 1)) ? v - (1 << ssss) + 1 : v;
            int first = ((code << extra) | v) << free;
            DiffLookup.AsSpan(first, 1 << free).Fill((diff << 8) | total);
        }
    }

    /// <summary>Decodes a code longer than the lookup from the left-aligned 64-bit window; returns (length &lt;&lt; 8) | symbol or -1.</summary>
    public int DecodeSlow(ulong window)
    {
        for (int len = LookupBits + 1; len <= 16; len++)
        {
            int code = (int)(window >> (64 - len));
            if (code <= _maxCode[len]) return (len << 8) | _symbols[code + _valOffset[len]];
        }
        return -1;
    }
}
