using Microsoft.Win32.SafeHandles;

namespace PixelGen.IO;

/// <summary>
/// Positional, thread-safe reads from a file, stream or memory. One source serves many threads at once:
/// nothing here keeps a shared position.
/// </summary>
public interface IRandomAccessSource : IDisposable
{
    /// <summary>Total length in bytes.</summary>
    long Length { get; }

    /// <summary>Reads up to <paramref name="destination"/>.Length bytes at <paramref name="offset"/>; returns how many were read (fewer only at the end).</summary>
    int Read(long offset, Span<byte> destination);
}

/// <summary>Helpers over <see cref="IRandomAccessSource"/>.</summary>
public static class RandomAccessSourceExtensions
{
    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/> or throws <see cref="DicomFormatException"/> when the source ends first.</summary>
    public static void ReadExactly(this IRandomAccessSource source, long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > source.Length - destination.Length)
            throw new DicomFormatException($"Unexpected end of data: {destination.Length} bytes needed but the source holds {source.Length} bytes", offset);
        int done = 0;
        while (done < destination.Length)
        {
            int n = source.Read(offset + done, destination[done..]);
            if (n <= 0) throw new DicomFormatException($"Unexpected end of data: {destination.Length} bytes needed", offset + done);
            done += n;
        }
    }
}

/// <summary>A file read with <see cref="RandomAccess"/>: positional reads, safe from many threads.</summary>
public sealed class FileSource : IRandomAccessSource
{
    private readonly SafeFileHandle _handle;
    private readonly bool _ownsHandle;

    /// <summary>Opens a file for reading (shared read access).</summary>
    public FileSource(string path)
    {
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        _ownsHandle = true;
        Length = RandomAccess.GetLength(_handle);
    }

    /// <summary>Wraps an open handle; the caller keeps ownership unless <paramref name="ownsHandle"/>.</summary>
    public FileSource(SafeFileHandle handle, bool ownsHandle = false)
    {
        _handle = handle;
        _ownsHandle = ownsHandle;
        Length = RandomAccess.GetLength(handle);
    }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public int Read(long offset, Span<byte> destination) => RandomAccess.Read(_handle, destination, offset);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHandle) _handle.Dispose();
    }
}

/// <summary>
/// A seekable <see cref="Stream"/>. Reads are serialised with a lock because a stream has one position;
/// use a <see cref="FileSource"/> for parallel reads of a file.
/// </summary>
public sealed class StreamSource : IRandomAccessSource
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly object _gate = new();

    /// <summary>Wraps a readable, seekable stream.</summary>
    public StreamSource(Stream stream, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <inheritdoc />
    public long Length => _stream.Length;

    /// <inheritdoc />
    public int Read(long offset, Span<byte> destination)
    {
        lock (_gate)
        {
            _stream.Position = offset;
            int done = 0;
            while (done < destination.Length)
            {
                int n = _stream.Read(destination[done..]);
                if (n <= 0) break;
                done += n;
            }
            return done;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }
}

/// <summary>Bytes already in memory.</summary>
public sealed class MemorySource : IRandomAccessSource
{
    private readonly ReadOnlyMemory<byte> _memory;

    /// <summary>Wraps memory the caller keeps alive and unchanged.</summary>
    public MemorySource(ReadOnlyMemory<byte> memory) => _memory = memory;

    /// <summary>The wrapped bytes.</summary>
    public ReadOnlyMemory<byte> Memory => _memory;

    /// <inheritdoc />
    public long Length => _memory.Length;

    /// <inheritdoc />
    public int Read(long offset, Span<byte> destination)
    {
        if (offset >= _memory.Length) return 0;
        var available = _memory.Span[(int)offset..];
        int n = Math.Min(available.Length, destination.Length);
        available[..n].CopyTo(destination);
        return n;
    }

    /// <inheritdoc />
    public void Dispose() { }
}
