using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PixelGen.Dicom;
using PixelGen.Pixels;

namespace PixelGen.Benchmarks;

/// <summary>
/// The runtime native decoder on 512×512 frames against memcpy of the same number of decoded bytes.
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*NativeDecode*' --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class NativeDecodeBenchmarks
{
    public enum Layout { Mono16, Signed12In16, Rgb8PlanarToInterleaved, BigEndian16 }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new ThroughputColumn(c => DecodedBytes((Layout)c.Parameters["Case"])), new SpeedVsBaselineColumn());
            Orderer = new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared);
        }
    }

    [Params(Layout.Mono16, Layout.Signed12In16, Layout.Rgb8PlanarToInterleaved, Layout.BigEndian16)]
    public Layout Case { get; set; }

    private FrameLayout _layout = null!;
    private byte[] _raw = null!;
    private byte[] _decoded = null!;

    internal static FrameLayout For(Layout layout) => layout switch
    {
        Layout.Mono16 => new FrameLayout { Rows = 512, Columns = 512, BitsAllocated = 16, BitsStored = 16, HighBit = 15 },
        Layout.Signed12In16 => new FrameLayout { Rows = 512, Columns = 512, BitsAllocated = 16, BitsStored = 12, HighBit = 11, IsSigned = true },
        Layout.Rgb8PlanarToInterleaved => new FrameLayout { Rows = 512, Columns = 512, BitsAllocated = 8, BitsStored = 8, HighBit = 7, SamplesPerPixel = 3, PlanarConfiguration = 1, PhotometricInterpretation = "RGB" },
        Layout.BigEndian16 => new FrameLayout { Rows = 512, Columns = 512, BitsAllocated = 16, BitsStored = 16, HighBit = 15, IsBigEndian = true, PixelDataVR = DicomVR.OW },
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    private static long DecodedBytes(Layout layout) => For(layout).DecodedFrameLength;

    [GlobalSetup]
    public void Setup()
    {
        _layout = For(Case);
        _raw = new byte[_layout.NativeFrameLength];
        new Random(42).NextBytes(_raw);
        _decoded = new byte[_layout.DecodedFrameLength];
        // Touch both buffers so page faults stay out of the measurement.
        PixelDecoder.Decode(_raw, _decoded, _layout);
        _raw.AsSpan(0, _decoded.Length).CopyTo(_decoded);
    }

    [Benchmark(Baseline = true, Description = "memcpy")]
    public void Memcpy() => _raw.AsSpan(0, _decoded.Length).CopyTo(_decoded);

    [Benchmark(Description = "PixelDecoder.Decode")]
    public void Decode() => PixelDecoder.Decode(_raw, _decoded, _layout);
}
