using System.Buffers.Binary;
using PixelGen.IO;

namespace PixelGen.Dicom;

/// <summary>
/// A forward reader over an <see cref="IRandomAccessSource"/> with a small read-ahead window, so parsing
/// thousands of tiny elements costs a handful of positional reads. Every read is checked against the source length.
/// </summary>
internal sealed class SourceCursor : IDisposable
{
    private const int WindowSize = 64 * 1024;
    private readonly IRandomAccessSource _source;
    private byte[] _window = System.Buffers.ArrayPool<byte>.Shared.Rent(WindowSize);
    private int _readSize = 4096; // first reads are small (most headers are a few KB), then grow to the window
    private long _windowStart;
    private int _windowLength;

    public SourceCursor(IRandomAccessSource source, long position)
    {
        _source = source;
        Length = source.Length;
        Position = position;
    }

    public IRandomAccessSource Source => _source;
    public long Length { get; }
    public long Position { get; set; }
    public long Remaining => Length - Position;

    /// <summary>Throws when fewer than <paramref name="count"/> bytes remain.</summary>
    public void Require(long count, string what)
    {
        if (count < 0 || count > Remaining)
            throw new DicomFormatException($"Truncated data: {what} needs {count} bytes but only {Math.Max(Remaining, 0)} remain", Position);
    }

    /// <summary>Up to <paramref name="count"/> bytes at the current position without moving (fewer at the end).</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        int n = (int)Math.Min(count, Math.Max(Remaining, 0));
        return Window(n);
    }

    public ushort ReadUInt16(bool littleEndian)
    {
        Require(2, "a 16-bit value");
        var s = Window(2);
        Position += 2;
        return littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
    }

    public uint ReadUInt32(bool littleEndian)
    {
        Require(4, "a 32-bit value");
        var s = Window(4);
        Position += 4;
        return littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
    }

    /// <summary>Reads <paramref name="count"/> bytes into a new array (checked against the source first).</summary>
    public byte[] ReadBytes(long count, string what)
    {
        Require(count, what);
        var result = new byte[count];
        if (count <= WindowSize)
            Window((int)count).CopyTo(result);
        else
            _source.ReadExactly(Position, result);
        Position += count;
        return result;
    }

    public void Skip(long count, string what)
    {
        Require(count, what);
        Position += count;
    }

    /// <summary>Returns the pooled window; the cursor must not be used afterwards.</summary>
    public void Dispose()
    {
        var w = _window;
        _window = [];
        _windowLength = 0;
        if (w.Length > 0) System.Buffers.ArrayPool<byte>.Shared.Return(w);
    }

    private ReadOnlySpan<byte> Window(int count)
    {
        long offsetInWindow = Position - _windowStart;
        if (offsetInWindow < 0 || offsetInWindow + count > _windowLength)
        {
            _windowStart = Position;
            int want = (int)Math.Min(Math.Max(_readSize, count), Math.Max(Remaining, 0));
            _readSize = Math.Min(_readSize * 2, WindowSize);
            int got = 0;
            while (got < want)
            {
                int n = _source.Read(Position + got, _window.AsSpan(got, want - got));
                if (n <= 0) break;
                got += n;
            }
            _windowLength = got;
            offsetInWindow = 0;
            if (count > got) throw new DicomFormatException($"Unexpected end of data: {count} bytes needed, {got} available", Position);
        }
        return _window.AsSpan((int)offsetInWindow, count);
    }
}
