using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using PixelGen.Codecs.Jpeg;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Benchmarks;

/// <summary>
/// JPEG decode throughput (MB/s = decoded bytes / mean time): 512×512 16-bit lossless process 14 SV1 and
/// 512×512×3 8-bit baseline YBR_FULL_422 (4:2:2), against libjpeg-turbo (Debian libturbojpeg0) via P/Invoke when
/// installed. Inputs are made in GlobalSetup: the lossless stream by <see cref="LosslessSv1Encoder"/> (checked by a
/// round trip), the baseline stream by libjpeg-turbo (without it the baseline rows do nothing and say so).
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*JpegBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class JpegBenchmarks
{
    private const int Size = 512;
    private byte[] _lossless = [];
    private byte[] _baseline = [];
    private byte[] _out16 = [];
    private byte[] _out8 = [];
    private FrameLayout _layout16 = null!;
    private FrameLayout _layout422 = null!;
    private bool _turbo;
    private nint _turboHandle;

    [GlobalSetup]
    public void Setup()
    {
        // A CT-like 12-bit-in-16 phantom: disc, soft gradients and noise (realistic entropy for lossless).
        var pixels = new ushort[Size * Size];
        var rng = new Random(7);
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                double dx = x - 256, dy = y - 256, r = Math.Sqrt(dx * dx + dy * dy);
                int v = r < 220 ? 1000 + (int)(300 * Math.Sin(x / 23.0) * Math.Cos(y / 31.0)) + (r < 60 ? 900 : 0) : 24;
                pixels[y * Size + x] = (ushort)Math.Clamp(v + rng.Next(-12, 13), 0, 4095);
            }
        _layout16 = new FrameLayout { Rows = Size, Columns = Size, BitsAllocated = 16, BitsStored = 16, HighBit = 15, Kind = PixelDataKind.Integer };
        _lossless = LosslessSv1Encoder.Encode(pixels, Size, Size, 16);
        _out16 = new byte[_layout16.DecodedFrameLength];
        JpegLosslessDecoder.Instance.Decode(_lossless, _out16, _layout16);
        if (!MemoryMarshal.Cast<byte, ushort>(_out16).SequenceEqual(pixels)) throw new InvalidOperationException("lossless round trip failed");
        Console.WriteLine($"// lossless stream {_lossless.Length} bytes");

        // A photo-like RGB image for the baseline stream.
        var rgb = new byte[Size * Size * 3];
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                int i = (y * Size + x) * 3;
                rgb[i] = (byte)(128 + 100 * Math.Sin(x / 17.0) * Math.Cos(y / 29.0) + rng.Next(-6, 7));
                rgb[i + 1] = (byte)((x ^ y) & 0xFF);
                rgb[i + 2] = (byte)Math.Clamp((x + y) / 4 + rng.Next(-6, 7), 0, 255);
            }
        _layout422 = new FrameLayout { Rows = Size, Columns = Size, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "YBR_FULL_422", Kind = PixelDataKind.Integer };
        _out8 = new byte[_layout422.DecodedFrameLength];
        _turbo = TurboJpeg.TryLoad();
        if (_turbo)
        {
            _baseline = TurboJpeg.Compress422(rgb, Size, Size, 90);
            _turboHandle = TurboJpeg.tjInitDecompress();
            Console.WriteLine($"// baseline stream {_baseline.Length} bytes");
        }
        else
        {
            Console.WriteLine("// libturbojpeg.so.0 not found (apt-get install libturbojpeg0): baseline benchmarks and peer skipped");
            return;
        }
        JpegBaselineDecoder.Instance.Decode(_baseline, _out8, _layout422);
        Array.Clear(_out8);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_turboHandle != 0) TurboJpeg.tjDestroy(_turboHandle);
    }

    [Benchmark(Description = "Lossless SV1 512x512 16-bit (PixelGen)")]
    public void LosslessSv1_16bit() => JpegLosslessDecoder.Instance.Decode(_lossless, _out16, _layout16);

    [Benchmark(Description = "Baseline 4:2:2 512x512x3 as YBR_FULL (PixelGen)")]
    public void Baseline422_AsStored()
    {
        if (_turbo) JpegBaselineDecoder.Instance.Decode(_baseline, _out8, _layout422);
    }

    [Benchmark(Description = "Baseline 4:2:2 512x512x3 to RGB (PixelGen)")]
    public void Baseline422_Rgb()
    {
        if (_turbo) JpegBaselineDecoder.RgbInstance.Decode(_baseline, _out8, _layout422);
    }

    [Benchmark(Description = "Baseline 4:2:2 512x512x3 to RGB (libjpeg-turbo peer)")]
    public void Baseline422_LibJpegTurbo()
    {
        if (!_turbo) return;
        TurboJpeg.Decompress(_turboHandle, _baseline, _out8, Size, Size);
    }
}
