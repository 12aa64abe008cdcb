using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Writing;

namespace PixelGen.Benchmarks;

/// <summary>
/// Transcoding a large synthetic multi-frame file (CT-like 512×512 16-bit frames; 1 GiB by default, set
/// PIXELGEN_TRANSCODE_MB to change) native → RLE and RLE → native, next to a plain file copy of the native file
/// in the same run. MB/s counts native pixel bytes (10^6 per second).
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*Transcode*' --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TranscodeBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(_ => PixelBytes), new SpeedVsBaselineColumn());
    }

    private static readonly int Frames = (int)Math.Max(1, long.Parse(Environment.GetEnvironmentVariable("PIXELGEN_TRANSCODE_MB") ?? "1024") * (1L << 20) / (512 * 512 * 2));
    private static long PixelBytes => (long)Frames * 512 * 512 * 2;

    private string _folder = null!;
    private string _native = null!;
    private string _rle = null!;
    private string _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("pixelgen-bench-").FullName;
        _native = Path.Combine(_folder, "native.dcm");
        _rle = Path.Combine(_folder, "rle.dcm");
        _output = Path.Combine(_folder, "out.dcm");
        var frame = RleBenchmarks.CtLikeFrame();
        var ds = new MutableDicomDataset();
        ds.SetString(DicomTags.SopClassUid, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2.1");
        ds.SetString(DicomTags.SopInstanceUid, DicomVR.UI, DicomUids.Generate());
        ds.SetPixelData(new short[512 * 512], PixelArrayShape.Single(512, 512), new SetPixelDataOptions { BitsStored = 12 });
        ds.SetNumberOfFrames(Frames);
        ds.SetPixelDataContent(new RepeatedFrame(frame, Frames));
        ds.Save(_native);
        using (var reader = FrameReader.Open(_native)) Transcoder.Transcode(reader, _rle, TransferSyntax.RleLossless);
        Console.WriteLine($"// {Frames} frames: native {new FileInfo(_native).Length:N0} bytes, RLE {new FileInfo(_rle).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "File.Copy (native file)")]
    public void Copy() => File.Copy(_native, _output, overwrite: true);

    [Benchmark(Description = "native → RLE")]
    public void NativeToRle()
    {
        using var reader = FrameReader.Open(_native);
        Transcoder.Transcode(reader, _output, TransferSyntax.RleLossless);
    }

    [Benchmark(Description = "RLE → native")]
    public void RleToNative()
    {
        using var reader = FrameReader.Open(_rle);
        Transcoder.Transcode(reader, _output, TransferSyntax.ExplicitVRLittleEndian);
    }

    private sealed class RepeatedFrame(byte[] frame, int frames) : IPixelDataContent
    {
        public bool IsEncapsulated => false;
        public int FrameCount => frames;
        public long NativeLength => (long)frame.Length * frames;
        public IReadOnlyList<IReadOnlyList<long>>? FragmentLengths => null;
        public void WriteFrame(int index, IPixelDataSink sink) => sink.Write(frame);
    }
}
