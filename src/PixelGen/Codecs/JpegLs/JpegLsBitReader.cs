using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PixelGen.Codecs.JpegLs;

/// <summary>
/// MSB-first bit reader over one scan's entropy-coded bytes (the marker that ends the scan excluded).
/// After a 0xFF byte the next byte carries only 7 bits (T.87 A.1 marker stuffing). Past the end it
/// supplies zero bits and counts them, so a truncated scan is detected without reading outside the span.
/// </summary>
internal ref struct JpegLsBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _nextFF;      // index of the next 0xFF at or after _position (or _data.Length)
    private ulong _cache;     // valid bits left-aligned
    private int _valid;
    private int _padding;     // zero bits supplied past the end

    public JpegLsBitReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        _cache = 0;
        _valid = 0;
        _padding = 0;
        _nextFF = FindFF(data, 0);
        Fill();
    }

    /// <summary>Zero bits supplied past the end of the data that the decoder actually consumed.</summary>
    public readonly int OverrunBits => Math.Max(0, _padding - _valid);

    private static int FindFF(ReadOnlySpan<byte> data, int from)
    {
        int i = data[from..].IndexOf((byte)0xFF);
        return i < 0 ? data.Length : from + i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureBits(int count)
    {
        if (_valid < count) Fill();
    }

    /// <summary>Tops the cache up to at least 57 valid bits.</summary>
    private void Fill()
    {
        // Fast path: eight bytes without 0xFF among them.
        if (_position + 8 <= _nextFF)
        {
            _cache |= BinaryPrimitives.ReadUInt64BigEndian(_data.Slice(_position, 8)) >> _valid;
            int bytes = (63 - _valid) >> 3;
            _position += bytes;
            _valid += bytes * 8;
            return;
        }
        FillSlow();
    }

    private void FillSlow()
    {
        while (_valid <= 56)
        {
            if (_position >= _data.Length)
            {
                _padding += 64 - _valid;
                _valid = 64;
                return;
            }
            byte b = _data[_position];
            if (b != 0xFF)
            {
                _position++;
                _cache |= (ulong)b << (56 - _valid);
                _valid += 8;
                continue;
            }
            // 0xFF and the byte after it (a stuffed zero bit, then 7 data bits) go in together.
            if (_valid > 49) break;
            _position++;
            _cache |= 0xFFUL << (56 - _valid);
            _valid += 8;
            if (_position < _data.Length)
            {
                _cache |= (ulong)_data[_position++] << (57 - _valid);
                _valid += 7;
            }
            _nextFF = FindFF(_data, _position);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBits(int count)
    {
        // count is 0..31; the caller never asks for more than 31 bits at once.
        if (count == 0) return 0;
        EnsureBits(count);
        int value = (int)(_cache >> (64 - count));
        _cache <<= count;
        _valid -= count;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadBit()
    {
        EnsureBits(1);
        bool bit = (long)_cache < 0;
        _cache <<= 1;
        _valid--;
        return bit;
    }

    /// <summary>Counts and consumes zero bits up to and including the next 1 bit; more than <paramref name="max"/> zeros is corrupt data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadUnary(int max)
    {
        EnsureBits(32);
        int zeros = BitOperations.LeadingZeroCount(_cache);
        if (zeros < _valid && zeros <= 31)
        {
            _cache <<= zeros + 1;
            _valid -= zeros + 1;
            return zeros <= max ? zeros : throw TooLong(max);
        }
        return ReadUnarySlow(max);
    }

    private int ReadUnarySlow(int max)
    {
        int zeros = 0;
        while (!ReadBit())
            if (++zeros > max) throw TooLong(max);
        return zeros;
    }

    private static PixelDataException TooLong(int max)
        => new($"JPEG-LS scan data is corrupt: a Golomb code has more than {max} leading zero bits");

    /// <summary>Golomb-decodes a mapped error value with the limited-length escape (T.87 A.5.3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadGolomb(int k, int limit, int qbpp)
    {
        int escape = limit - qbpp - 1;
        if (_valid < 32) Fill();
        // Fast path: prefix, stop bit and k low bits all in the cache.
        int zeros = BitOperations.LeadingZeroCount(_cache);
        int used = zeros + 1 + k;
        if (zeros < escape && used <= _valid)
        {
            ulong rest = _cache << (zeros + 1);
            int low = k == 0 ? 0 : (int)(rest >> (64 - k));
            _cache = rest << k;
            _valid -= used;
            return (zeros << k) + low;
        }
        int high = ReadUnary(escape);
        if (high == escape) return ReadBits(qbpp) + 1;
        return k == 0 ? high : (high << k) + ReadBits(k);
    }
}
