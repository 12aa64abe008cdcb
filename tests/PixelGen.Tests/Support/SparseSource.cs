using PixelGen.IO;

namespace PixelGen.Tests.Support;

/// <summary>A virtual source of any length: zeros except for the byte segments placed in it. Lets tests reach offsets beyond 4 GB.</summary>
public sealed class SparseSource(long length) : IRandomAccessSource
{
    private readonly List<(long Offset, byte[] Bytes)> _segments = [];

    public long Length { get; } = length;

    public SparseSource Put(long offset, byte[] bytes)
    {
        _segments.Add((offset, bytes));
        return this;
    }

    public int Read(long offset, Span<byte> destination)
    {
        if (offset >= Length) return 0;
        int n = (int)Math.Min(destination.Length, Length - offset);
        var dest = destination[..n];
        dest.Clear();
        foreach (var (start, bytes) in _segments)
        {
            long from = Math.Max(start, offset), to = Math.Min(start + bytes.Length, offset + n);
            if (from < to) bytes.AsSpan((int)(from - start), (int)(to - from)).CopyTo(dest[(int)(from - offset)..]);
        }
        return n;
    }

    public void Dispose() { }
}
