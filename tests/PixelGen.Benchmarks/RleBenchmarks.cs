using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PixelGen.Codecs.Rle;
using PixelGen.Pixels;

namespace PixelGen.Benchmarks;

/// <summary>
/// RLE Lossless decode (and encode) of a 512×512 16-bit CT-like frame against memcpy of the decoded bytes.
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*Rle*' --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class RleBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(_ => Layout.DecodedFrameLength), new SpeedVsBaselineColumn());
    }

    private static readonly FrameLayout Layout = new() { Rows = 512, Columns = 512, BitsAllocated = 16, BitsStored = 12, HighBit = 11, IsSigned = true };

    private byte[] _native = null!;
    private byte[] _encoded = null!;
    private byte[] _encodeBuffer = null!;
    private byte[] _decoded = null!;

    /// <summary>
    /// A CT-like slice: air (−1000) outside a body ellipse, soft tissue around 40 HU with noise, a brighter bone ring.
    /// High bytes are mostly runs, low bytes mostly literals, as in real CT.
    /// </summary>
    internal static byte[] CtLikeFrame()
    {
        var random = new Random(7);
        var frame = new byte[Layout.NativeFrameLength];
        for (int y = 0; y < 512; y++)
            for (int x = 0; x < 512; x++)
            {
                double dx = (x - 256) / 220.0, dy = (y - 256) / 180.0, r = dx * dx + dy * dy;
                int value = r > 1 ? -1000 : r > 0.8 ? 700 + random.Next(-40, 41) : 40 + random.Next(-12, 13);
                BitConverter.TryWriteBytes(frame.AsSpan((y * 512 + x) * 2), (short)value);
            }
        return frame;
    }

    [GlobalSetup]
    public void Setup()
    {
        _native = CtLikeFrame();
        _encoded = RleEncoder.EncodeFrame(_native, Layout);
        _encodeBuffer = new byte[RleEncoder.GetMaxEncodedLength(Layout)];
        _decoded = new byte[Layout.DecodedFrameLength];
        RleDecoder.Instance.Decode(_encoded, _decoded, Layout);
        RleEncoder.EncodeFrame(_native, Layout, _encodeBuffer);
        Console.WriteLine($"// CT-like frame: {_native.Length} bytes native, {_encoded.Length} bytes RLE ({(double)_native.Length / _encoded.Length:F2}:1)");
    }

    [Benchmark(Baseline = true, Description = "memcpy")]
    public void Memcpy() => _native.AsSpan().CopyTo(_decoded);

    [Benchmark(Description = "RleDecoder.Decode")]
    public void Decode() => RleDecoder.Instance.Decode(_encoded, _decoded, Layout);

    [Benchmark(Description = "RleEncoder.EncodeFrame")]
    public int Encode() => RleEncoder.EncodeFrame(_native, Layout, _encodeBuffer);
}
