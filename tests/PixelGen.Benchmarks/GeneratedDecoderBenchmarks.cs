using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PixelGen.Generation;
using PixelGen.Pixels;
using PixelGen.Pixels.Presets;

namespace PixelGen.Benchmarks;

/// <summary>
/// Generated decoder vs the runtime decoder vs memcpy of the same number of decoded bytes, per 512x512 frame.
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*GeneratedDecoder*' --job short
/// </summary>
[Config(typeof(Throughput))]
public class GeneratedDecoderBenchmarks
{
    public enum Shape { Mono16Straight, Signed12In16, Rgb8PlanarToInterleaved, Mono16BigEndian, SingleBitUnpack }

    [Params(Shape.Mono16Straight, Shape.Signed12In16, Shape.Rgb8PlanarToInterleaved, Shape.Mono16BigEndian, Shape.SingleBitUnpack)]
    public Shape Layout { get; set; }

    private FrameLayout _layout = null!;
    private IFrameDecoder _generated = null!;
    private byte[] _raw = null!, _copySource = null!, _destination = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_layout, _generated) = Layout switch
        {
            Shape.Mono16Straight => (Frame(16, 16, false), (IFrameDecoder)MrMgDxCrNmPetUnsigned16Decoder.Instance),
            Shape.Signed12In16 => (Frame(16, 12, true), CtSigned12Decoder.Instance),
            Shape.Rgb8PlanarToInterleaved => (Frame(8, 8, false) with { SamplesPerPixel = 3, PlanarConfiguration = 1, PhotometricInterpretation = "RGB" }, UsWsiRgb8PlanarDecoder.Instance),
            Shape.Mono16BigEndian => (Frame(16, 16, false) with { IsBigEndian = true }, BigEndianMono16Decoder.Instance),
            _ => (Frame(1, 1, false), SegBinaryDecoder.Instance),
        };
        if (!_generated.CanDecode(_layout)) throw new InvalidOperationException($"{_generated.Name} does not match {_layout}");
        _raw = new byte[_layout.NativeFrameLength];
        new Random(1).NextBytes(_raw); // garbage in the high bits too
        _copySource = new byte[_layout.DecodedFrameLength];
        new Random(2).NextBytes(_copySource);
        _destination = new byte[_layout.DecodedFrameLength];
        Memcpy(); Runtime(); Generated(); // touch every page outside the measured region
    }

    [Benchmark(Baseline = true)]
    public void Memcpy() => _copySource.AsSpan().CopyTo(_destination);

    [Benchmark]
    public void Runtime() => NativeFrameDecoder.Instance.Decode(_raw, _destination, _layout);

    [Benchmark]
    public void Generated() => _generated.Decode(_raw, _destination, _layout);

    /// <summary>Decoded bytes per operation, for the MB/s column.</summary>
    internal long DecodedBytes => _layout.DecodedFrameLength;

    private static FrameLayout Frame(int bitsAllocated, int bitsStored, bool signed) => new()
    {
        Rows = 512, Columns = 512, BitsAllocated = bitsAllocated, BitsStored = bitsStored, HighBit = bitsStored - 1, IsSigned = signed,
    };

    /// <summary>Adds MB/s of decoded output (10^6 bytes per second) next to the times.</summary>
    private sealed class Throughput : ManualConfig
    {
        public Throughput() => AddColumn(new ThroughputColumn(c =>
        {
            var probe = new GeneratedDecoderBenchmarks { Layout = (Shape)c.Parameters["Layout"] };
            probe.Setup();
            return probe.DecodedBytes;
        }));
    }
}

/// <summary>16-bit unsigned big endian (retired Explicit VR Big Endian), declared here: no preset covers it.</summary>
[PixelLayout(BitsAllocated = 16, BigEndian = true)]
public sealed partial class BigEndianMono16Decoder;
