using System.IO.Compression;
using PixelGen.IO;

namespace PixelGen.Dicom;

/// <summary>
/// Inflates a Deflated Explicit VR Little Endian data set. Small data sets stay in memory; beyond
/// <see cref="DicomReadOptions.InflateInMemoryLimit"/> they spill to a delete-on-close temporary file.
/// Offsets of the result are offsets in the inflated data set (as the corpus references record them).
/// </summary>
internal static class DeflatedDataset
{
    public static IRandomAccessSource Inflate(IRandomAccessSource source, long offset, DicomReadOptions options)
    {
        using var compressed = new SourceStream(source, offset);
        using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
        var memory = new MemoryStream();
        Stream target = memory;
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            while (true)
            {
                int n;
                try { n = inflater.Read(buffer); }
                catch (InvalidDataException ex) { throw new DicomFormatException($"The deflated data set is corrupt: {ex.Message}", offset, ex); }
                if (n == 0) break;
                total += n;
                if (total > options.MaxInflatedLength)
                    throw new DicomFormatException($"The deflated data set inflates beyond {options.MaxInflatedLength} bytes", offset);
                if (target == memory && total > Math.Min(options.InflateInMemoryLimit, Array.MaxLength))
                {
                    var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
                    memory.Position = 0;
                    memory.CopyTo(file);
                    memory = new MemoryStream();
                    target = file;
                }
                target.Write(buffer, 0, n);
            }
            if (target is FileStream fs)
            {
                fs.Flush();
                return new StreamSource(fs, leaveOpen: false);
            }
            return new MemorySource(memory.GetBuffer().AsMemory(0, (int)memory.Length));
        }
        catch
        {
            if (target != memory) target.Dispose();
            throw;
        }
    }

    /// <summary>A read-only forward stream over a source, starting at an offset.</summary>
    private sealed class SourceStream(IRandomAccessSource source, long start) : Stream
    {
        private long _position = start;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            int n = source.Read(_position, buffer);
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
