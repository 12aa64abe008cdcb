using BenchmarkDotNet.Attributes;
using PixelGen.Frames;

namespace PixelGen.Benchmarks;

/// <summary>
/// Decoding through the FrameReader into a caller's buffer (<c>ReadFrame&lt;ushort&gt;(i, span)</c>) against reading the
/// raw frame alone: the allocation column must show 0 bytes per frame. 16 frames of 512×512 16-bit, native and RLE.
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*ReaderDecode*' --job short
/// </summary>
[MemoryDiagnoser]
public class ReaderDecodeBenchmarks
{
    private const int Frames = 16, Rows = 512, Columns = 512;

    [Params("native", "rle")]
    public string Encoding { get; set; } = "native";

    private FrameReader _reader = null!;
    private byte[] _raw = [];
    private ushort[] _pixels = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pixelgen-bench");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, $"decode-{Encoding}-{Frames}x{Rows}x{Columns}x16.dcm");
        if (!File.Exists(path))
        {
            if (Encoding == "rle") BenchmarkFiles.WriteRle(path, Frames, Rows, Columns);
            else BenchmarkFiles.WriteNative(path, Frames, Rows, Columns);
        }
        _reader = FrameReader.Open(path);
        _raw = new byte[_reader.GetFrameLength(0)];
        _pixels = new ushort[Rows * Columns];
        for (int i = 0; i < Frames; i++) _reader.ReadFrame<ushort>(i, _pixels); // warm the page cache and the pool
    }

    [GlobalCleanup]
    public void Cleanup() => _reader.Dispose();

    [Benchmark(Baseline = true, Description = "ReadFrameRaw (raw bytes only)")]
    public int ReadRaw() => _reader.ReadFrameRaw(_next++ & (Frames - 1), _raw);

    [Benchmark(Description = "ReadFrame<ushort>(i, span)")]
    public void ReadDecoded() => _reader.ReadFrame<ushort>(_next++ & (Frames - 1), _pixels);
}
