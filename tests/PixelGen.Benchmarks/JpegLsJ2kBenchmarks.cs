using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using PixelGen.Codecs.Jpeg2000;
using PixelGen.Codecs.JpegLs;
using PixelGen.Pixels;

namespace PixelGen.Benchmarks;

/// <summary>
/// 512×512 16-bit lossless decode: our managed JPEG-LS decoder against CharLS (libcharls2) on the same stream,
/// and JPEG 2000 through OpenJPEG. Input image: the 512×512 CT frame of the corpus's 693_J2KR.dcm (JPEG 2000
/// lossless), decoded once in GlobalSetup and re-encoded to JPEG-LS with CharLS (offset by 32768 to unsigned 16-bit).
/// MB/s decoded = 0.5 MiB (512·512·2 bytes) / mean time.
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*JpegLsJ2k*' --job short
/// </summary>
[MemoryDiagnoser]
public class JpegLsJ2kBenchmarks
{
    private const int Size = 512;
    private byte[] _j2k = [];
    private byte[] _jls = [];
    private byte[] _destination = [];
    private FrameLayout _jlsLayout = null!;
    private FrameLayout _j2kLayout = null!;

    [GlobalSetup]
    public void Setup()
    {
        _j2k = CorpusCodestream("693_J2KR.dcm");
        _j2kLayout = new FrameLayout { Rows = Size, Columns = Size, BitsAllocated = 16, BitsStored = 16, HighBit = 15, IsSigned = true };
        _jlsLayout = _j2kLayout with { IsSigned = false };
        _destination = new byte[_j2kLayout.DecodedFrameLength];
        if (!Jpeg2000Codec.IsAvailable) throw new InvalidOperationException(Jpeg2000Codec.UnavailableReason);
        Jpeg2000Codec.Jpeg2000.Decode(_j2k, _destination, _j2kLayout);

        var charLs = CharLsNative.Instance ?? throw new InvalidOperationException("CharLS (libcharls.so.2) is not installed: apt-get install libcharls2");
        var unsignedSamples = new byte[_destination.Length];
        for (int i = 0; i < unsignedSamples.Length; i += 2)
            BinaryPrimitives.WriteUInt16LittleEndian(unsignedSamples.AsSpan(i), (ushort)(BinaryPrimitives.ReadInt16LittleEndian(_destination.AsSpan(i)) + 32768));
        _jls = charLs.Encode(unsignedSamples, Size, Size, 16);

        // Both decoders must agree with the source before anything is timed.
        JpegLsCodec.Instance.Decode(_jls, _destination, _jlsLayout);
        if (!_destination.AsSpan().SequenceEqual(unsignedSamples)) throw new InvalidOperationException("managed JPEG-LS decode differs from the source");
        charLs.Decode(_jls, _destination);
        if (!_destination.AsSpan().SequenceEqual(unsignedSamples)) throw new InvalidOperationException("CharLS decode differs from the source");
        Console.WriteLine($"// inputs: JPEG 2000 {_j2k.Length} bytes (OpenJPEG {Jpeg2000Codec.LibraryVersion}), JPEG-LS {_jls.Length} bytes; decoded {_destination.Length} bytes");
    }

    [Benchmark(Baseline = true, Description = "JPEG-LS 16-bit lossless, managed")]
    public void JpegLsManaged() => JpegLsCodec.Instance.Decode(_jls, _destination, _jlsLayout);

    [Benchmark(Description = "JPEG-LS 16-bit lossless, CharLS (peer)")]
    public void JpegLsCharLs() => CharLsNative.Instance!.Decode(_jls, _destination);

    [Benchmark(Description = "JPEG 2000 16-bit lossless, OpenJPEG")]
    public void Jpeg2000OpenJpeg() => Jpeg2000Codec.Jpeg2000.Decode(_j2k, _destination, _j2kLayout);

    /// <summary>The single-fragment frame of a corpus file (first Item after the empty Basic Offset Table).</summary>
    private static byte[] CorpusCodestream(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PixelGen.sln"))) dir = dir.Parent;
        var path = dir?.Parent is null ? null : Path.Combine(dir.Parent.FullName, "shared", "corpus", "files", name);
        if (path is null || !File.Exists(path)) throw new FileNotFoundException($"benchmark input {name} not found in ../shared/corpus/files");
        var file = File.ReadAllBytes(path);
        int soc = file.AsSpan().IndexOf([(byte)0xFF, (byte)0x4F, (byte)0xFF, (byte)0x51]);
        int length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(soc - 4));
        if (soc < 8 || BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(soc - 8)) != 0xE000FFFE || length <= 0 || soc + length > file.Length)
            throw new InvalidDataException($"{name}: could not find a single-fragment JPEG 2000 frame");
        return file.AsSpan(soc, length).ToArray();
    }
}
