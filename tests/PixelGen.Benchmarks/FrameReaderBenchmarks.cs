using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Microsoft.Win32.SafeHandles;
using PixelGen.Frames;

namespace PixelGen.Benchmarks;

/// <summary>
/// FrameReader against the raw byte-range read (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>) of the
/// same frame, on a synthetic 2,000-frame 512×512 16-bit native file (~1 GB, sparse) and its RLE-encapsulated twin
/// with an empty Basic Offset Table (~1 GB of literal-run fragments). Files are made once under the temp folder.
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*FrameReader*' --job short
/// </summary>
[MemoryDiagnoser]
public class FrameReaderBenchmarks
{
    private const int Frames = 2000, Rows = 512, Columns = 512, FrameBytes = Rows * Columns * 2;
    private string _native = "", _rle = "";
    private byte[] _buffer = [];
    private int[] _indices = [];
    private int _next;
    private FrameReader _nativeReader = null!, _rleReader = null!;
    private FrameInfo _rleInfo = null!;
    private long _nativeFirstFrame;
    private SafeFileHandle _nativeHandle = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pixelgen-bench");
        Directory.CreateDirectory(dir);
        _native = Path.Combine(dir, "native-2000x512x512x16.dcm");
        _rle = Path.Combine(dir, "rle-2000x512x512x16-emptybot.dcm");
        if (!File.Exists(_native)) BenchmarkFiles.WriteNative(_native, Frames, Rows, Columns);
        if (!File.Exists(_rle)) BenchmarkFiles.WriteRle(_rle, Frames, Rows, Columns);
        _buffer = new byte[2 * FrameBytes];
        _buffer.AsSpan().Fill(1); // touch the pages before measuring
        var rng = new Random(42);
        _indices = Enumerable.Range(0, 1024).Select(_ => rng.Next(Frames)).ToArray();
        _nativeReader = FrameReader.Open(_native);
        _rleReader = FrameReader.Open(_rle);
        _rleInfo = _rleReader.FrameInfo;
        _nativeFirstFrame = _nativeReader.FrameInfo.FirstFrameOffset;
        _nativeHandle = File.OpenHandle(_native, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        // Warm the page cache so every method reads from memory.
        for (int i = 0; i < Frames; i++) { _nativeReader.ReadFrameRaw(i, _buffer); _rleReader.ReadFrameRaw(i, _buffer); }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _nativeReader.Dispose();
        _rleReader.Dispose();
        _nativeHandle.Dispose();
    }

    private int NextIndex() => _indices[_next++ & 1023];

    [Benchmark(Baseline = true, Description = "raw: open + RandomAccess.Read one native frame")]
    public int RawOpenReadOneNative()
    {
        int i = NextIndex();
        using var handle = File.OpenHandle(_native, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return RandomAccess.Read(handle, _buffer.AsSpan(0, FrameBytes), _nativeFirstFrame + (long)FrameBytes * i);
    }

    [Benchmark(Description = "FrameReader.Open + ReadFrameRaw one native frame")]
    public int OpenReadOneNative()
    {
        using var reader = FrameReader.Open(_native);
        return reader.ReadFrameRaw(NextIndex(), _buffer);
    }

    [Benchmark(Description = "raw: open + RandomAccess.Read one RLE frame")]
    public int RawOpenReadOneRle()
    {
        var f = _rleInfo.Frames[NextIndex()];
        using var handle = File.OpenHandle(_rle, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return RandomAccess.Read(handle, _buffer.AsSpan(0, (int)f.Length), f.Offset);
    }

    [Benchmark(Description = "FrameReader.Open + ReadFrameRaw one RLE frame (empty BOT: scan)")]
    public int OpenReadOneRle()
    {
        using var reader = FrameReader.Open(_rle);
        return reader.ReadFrameRaw(NextIndex(), _buffer);
    }

    [Benchmark(Description = "FrameReader.Open(path, FrameInfo) + ReadFrameRaw one RLE frame (no scan)")]
    public int OpenWithFrameInfoReadOneRle()
    {
        using var reader = FrameReader.Open(_rle, _rleInfo);
        return reader.ReadFrameRaw(NextIndex(), _buffer);
    }

    [Benchmark(Description = "raw: RandomAccess.Read all native frames")]
    public long RawReadAllNative()
    {
        long total = 0;
        for (int i = 0; i < Frames; i++) total += RandomAccess.Read(_nativeHandle, _buffer.AsSpan(0, FrameBytes), _nativeFirstFrame + (long)FrameBytes * i);
        return total;
    }

    [Benchmark(Description = "ReadFrameRaw all native frames")]
    public long ReadAllNative()
    {
        long total = 0;
        for (int i = 0; i < Frames; i++) total += _nativeReader.ReadFrameRaw(i, _buffer);
        return total;
    }

    [Benchmark(Description = "ReadFrameRaw all RLE frames")]
    public long ReadAllRle()
    {
        long total = 0;
        for (int i = 0; i < Frames; i++) total += _rleReader.ReadFrameRaw(i, _buffer);
        return total;
    }
}

/// <summary>Writes the benchmark inputs: a minimal Explicit VR Little Endian header, then the pixel data.</summary>
internal static class BenchmarkFiles
{
    public static void WriteNative(string path, int frames, int rows, int columns)
    {
        long valueLength = (long)frames * rows * columns * 2;
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write);
        fs.Write(Header("1.2.840.10008.1.2.1", frames, rows, columns));
        WriteElementHeader(fs, 0x7FE0, 0x0010, "OW", checked((uint)valueLength));
        fs.SetLength(fs.Position + valueLength); // sparse: the pixels are zeros the file system need not store
    }

    public static void WriteRle(string path, int frames, int rows, int columns)
    {
        var fragment = RleLiteralFrame(rows, columns);
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        fs.Write(Header("1.2.840.10008.1.2.5", frames, rows, columns));
        WriteElementHeader(fs, 0x7FE0, 0x0010, "OB", 0xFFFF_FFFF);
        WriteItem(fs, 0xE000, 0); // empty Basic Offset Table
        for (int f = 0; f < frames; f++)
        {
            WriteItem(fs, 0xE000, (uint)fragment.Length);
            fs.Write(fragment);
        }
        WriteItem(fs, 0xE0DD, 0);
    }

    /// <summary>A valid RLE Lossless frame of 16-bit samples: two segments (high, low bytes) of 128-byte literal runs.</summary>
    private static byte[] RleLiteralFrame(int rows, int columns)
    {
        int pixels = rows * columns;
        int runs = (pixels + 127) / 128;
        int segment = pixels + runs;
        if (segment % 2 == 1) segment++;
        var data = new byte[64 + 2 * segment];
        BinaryPrimitives.WriteUInt32LittleEndian(data, 2);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8), (uint)(64 + segment));
        var rng = new Random(7);
        for (int s = 0; s < 2; s++)
        {
            int pos = 64 + s * segment;
            for (int left = pixels; left > 0; left -= 128)
            {
                int n = Math.Min(128, left);
                data[pos++] = (byte)(n - 1);
                rng.NextBytes(data.AsSpan(pos, n));
                pos += n;
            }
        }
        return data;
    }

    private static byte[] Header(string transferSyntax, int frames, int rows, int columns)
    {
        var meta = new MemoryStream();
        WriteElement(meta, 0x0002, 0x0001, "OB", [0, 1]);
        WriteElement(meta, 0x0002, 0x0010, "UI", Text(transferSyntax, 0));
        var ms = new MemoryStream();
        ms.Write(new byte[128]);
        ms.Write("DICM"u8);
        WriteElement(ms, 0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length));
        meta.WriteTo(ms);
        WriteElement(ms, 0x0028, 0x0002, "US", BitConverter.GetBytes((ushort)1));
        WriteElement(ms, 0x0028, 0x0004, "CS", Text("MONOCHROME2", (byte)' '));
        WriteElement(ms, 0x0028, 0x0008, "IS", Text(frames.ToString(System.Globalization.CultureInfo.InvariantCulture), (byte)' '));
        WriteElement(ms, 0x0028, 0x0010, "US", BitConverter.GetBytes((ushort)rows));
        WriteElement(ms, 0x0028, 0x0011, "US", BitConverter.GetBytes((ushort)columns));
        WriteElement(ms, 0x0028, 0x0100, "US", BitConverter.GetBytes((ushort)16));
        WriteElement(ms, 0x0028, 0x0101, "US", BitConverter.GetBytes((ushort)16));
        WriteElement(ms, 0x0028, 0x0102, "US", BitConverter.GetBytes((ushort)15));
        WriteElement(ms, 0x0028, 0x0103, "US", BitConverter.GetBytes((ushort)0));
        return ms.ToArray();
    }

    private static byte[] Text(string s, byte pad)
    {
        var b = System.Text.Encoding.ASCII.GetBytes(s);
        return b.Length % 2 == 0 ? b : [.. b, pad];
    }

    private static void WriteElement(Stream s, ushort g, ushort e, string vr, byte[] value)
    {
        WriteElementHeader(s, g, e, vr, (uint)value.Length);
        s.Write(value);
    }

    private static void WriteElementHeader(Stream s, ushort g, ushort e, string vr, uint length)
    {
        Span<byte> h = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(h, g);
        BinaryPrimitives.WriteUInt16LittleEndian(h[2..], e);
        h[4] = (byte)vr[0];
        h[5] = (byte)vr[1];
        if (vr is "OB" or "OW")
        {
            h[6] = h[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(h[8..], length);
            s.Write(h);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], (ushort)length);
            s.Write(h[..8]);
        }
    }

    private static void WriteItem(Stream s, ushort element, uint length)
    {
        Span<byte> h = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(h, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], length);
        s.Write(h);
    }
}
