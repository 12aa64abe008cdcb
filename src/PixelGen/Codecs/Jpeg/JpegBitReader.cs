using System.Runtime.CompilerServices;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// Reads Huffman-coded entropy data: removes byte stuffing (FF00), stops at the next marker and feeds zero bits
/// past it, counting them so that a decoder that used bits beyond the data can report truncation.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _pos;
    private ulong _window;   // valid bits left-aligned
    private int _bits;
    private int _padBits;    // zero bits fed after the data ended (or a marker was reached)

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _pos = position;
        _window = 0;
        _bits = 0;
        _padBits = 0;
    }

    /// <summary>The bit window (valid bits left-aligned), for decoders that keep it in registers while they work.</summary>
    internal ulong Window { readonly get => _window; set => _window = value; }

    /// <summary>Valid bits in <see cref="Window"/>.</summary>
    internal int BitCount { readonly get => _bits; set => _bits = value; }

    /// <summary>Offset of the next byte not yet loaded into the bit window.</summary>
    public readonly int Position => _pos;

    /// <summary>True when the decoder consumed bits that are not in the stream.</summary>
    public readonly bool Overrun => _padBits > _bits;

    /// <summary>Makes at least 57 bits available (zeros past the end of the entropy-coded segment).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Fill()
    {
        if (_bits > 56) return;
        FillSlow();
    }

    private void FillSlow()
    {
        var data = _data;
        // Fast path: the next 8 bytes hold no 0xFF (no stuffing, no marker): take whole bytes at once.
        if (_padBits == 0 && _pos + 8 <= data.Length)
        {
            ulong word = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(data.Slice(_pos));
            ulong inv = ~word;
            if (((inv - 0x0101010101010101UL) & ~inv & 0x8080808080808080UL) == 0)
            {
                int take = (64 - _bits) >> 3; // whole bytes that fit
                _window |= (word >> (64 - take * 8)) << (64 - take * 8 - _bits);
                _bits += take * 8;
                _pos += take;
                return;
            }
        }
        while (_bits <= 56)
        {
            uint b = 0;
            if (_padBits == 0 && _pos < data.Length)
            {
                b = data[_pos];
                if (b != 0xFF) _pos++;
                else if (_pos + 1 < data.Length && data[_pos + 1] == 0) _pos += 2;
                else { b = 0; _padBits += 8; } // a marker (or the end): leave it for the caller
            }
            else _padBits += 8;
            _window |= (ulong)b << (56 - _bits);
            _bits += 8;
        }
    }

    /// <summary>Decodes one Huffman symbol; needs <see cref="Fill"/> to have left at least 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeSymbol(JpegHuffmanTable table)
    {
        int e = table.Lookup[(int)(_window >> (64 - JpegHuffmanTable.LookupBits))];
        if (e == 0)
        {
            e = table.DecodeSlow(_window);
            if (e < 0) throw JpegMarkerReader.Error("invalid Huffman code in the entropy-coded data", _pos);
        }
        int len = e >> 8;
        _window <<= len;
        _bits -= len;
        return e & 0xFF;
    }

    /// <summary>The next <paramref name="n"/> bits without consuming them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Peek(int n) => (int)(_window >> (64 - n));

    /// <summary>Consumes <paramref name="n"/> bits already in the window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int n)
    {
        _window <<= n;
        _bits -= n;
    }

    /// <summary>Reads <paramref name="n"/> (1–16) raw bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBits(int n)
    {
        int v = (int)(_window >> (64 - n));
        _window <<= n;
        _bits -= n;
        return v;
    }

    /// <summary>Restarts reading entropy data at <paramref name="position"/> (after an RSTn marker).</summary>
    public void Reset(int position)
    {
        _pos = position;
        _window = 0;
        _bits = 0;
        _padBits = 0;
    }

    /// <summary>
    /// Offset of the next marker after the entropy-coded data consumed so far: unread whole bytes in the window
    /// are given back, then stray bytes up to the marker are skipped (as libjpeg does, tolerating encoder slack).
    /// </summary>
    public readonly int FindNextMarker()
    {
        int p = AlignAndRewind();
        var d = _data;
        while (p + 1 < d.Length)
        {
            if (d[p] == 0xFF && d[p + 1] != 0 && d[p + 1] != 0xFF) return p;
            p++;
        }
        return d.Length;
    }

    /// <summary>
    /// Drops the bits of the partial byte and returns the offset where the next marker must start: the bytes
    /// loaded into the window but not consumed are given back.
    /// </summary>
    private readonly int AlignAndRewind()
    {
        int realBits = Math.Max(0, _bits - _padBits);
        int wholeBytes = realBits / 8;
        // Walk back over loaded bytes, counting a stuffed FF00 pair as one data byte.
        int p = _pos;
        for (int i = 0; i < wholeBytes; i++)
        {
            p--;
            if (p > 0 && _data[p] == 0 && _data[p - 1] == 0xFF) p--;
        }
        return p;
    }
}
