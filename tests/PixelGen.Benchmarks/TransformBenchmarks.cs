using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PixelGen.Transforms;

namespace PixelGen.Benchmarks;

/// <summary>
/// Transforms against memcpy of the same bytes (the Ratio column, per category): YBR_FULL → RGB 8-bit in place on
/// one 512×512×3 frame and a 100-frame volume, a 16-bit → 8-bit linear window on 512×512, and an 8-bit palette
/// (512×512 indices → RGB); also RGB → YBR_FULL, YBR_PARTIAL → RGB and the 16-bit conversions.
/// Buffers are allocated and touched in GlobalSetup.
/// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*TransformBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TransformBenchmarks
{
    private const int Rows = 512, Columns = 512, Frames = 100;
    private byte[] _frame = [], _frameCopy = [], _volume = [], _volumeCopy = [];
    private ushort[] _gray16 = [];
    private byte[] _gray8 = [], _gray16Copy = [], _indices = [], _rgb = [], _rgbCopy = [];
    private ushort[] _frame16 = [], _frame16Copy = [];
    private VoiLut _window = VoiLut.Identity;
    private PaletteColorLut _palette = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _frame = new byte[Rows * Columns * 3];
        rng.NextBytes(_frame);
        _frameCopy = new byte[_frame.Length];
        _volume = new byte[_frame.Length * Frames];
        rng.NextBytes(_volume);
        _volumeCopy = new byte[_volume.Length];
        _gray16 = new ushort[Rows * Columns];
        for (int i = 0; i < _gray16.Length; i++) _gray16[i] = (ushort)rng.Next(4096);
        _gray16Copy = new byte[_gray16.Length * 2];
        _gray8 = new byte[_gray16.Length];
        _indices = new byte[Rows * Columns];
        rng.NextBytes(_indices);
        _rgb = new byte[_indices.Length * 3];
        _rgbCopy = new byte[_rgb.Length];
        _frame16 = new ushort[Rows * Columns * 3];
        for (int i = 0; i < _frame16.Length; i++) _frame16[i] = (ushort)rng.Next(4096);
        _frame16Copy = new ushort[_frame16.Length];
        _frame16.AsSpan().CopyTo(_frame16Copy);
        _window = VoiLut.Window(2048, 1024, VoiLutFunction.Linear, 0, 255);
        _palette = WellKnownPalettes.Get("HOT_IRON");
        // Touch every page once so that page faults stay out of the measurements.
        _frame.AsSpan().CopyTo(_frameCopy);
        _volume.AsSpan().CopyTo(_volumeCopy);
        _gray8.AsSpan().Clear();
        _gray16Copy.AsSpan().Clear();
        _rgb.AsSpan().Clear();
        _rgbCopy.AsSpan().Clear();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("YBR frame 512x512x3")]
    public void Memcpy_frame() => _frame.AsSpan().CopyTo(_frameCopy);

    [Benchmark, BenchmarkCategory("YBR frame 512x512x3")]
    public void YbrFullToRgb_frame_in_place() => ColorSpace.YbrFullToRgb(_frame);

    [Benchmark, BenchmarkCategory("YBR frame 512x512x3")]
    public void RgbToYbrFull_frame_in_place() => ColorSpace.RgbToYbrFull(_frame);

    [Benchmark, BenchmarkCategory("YBR frame 512x512x3")]
    public void YbrPartialToRgb_frame_in_place() => ColorSpace.YbrPartialToRgb(_frame);

    [Benchmark(Baseline = true), BenchmarkCategory("YBR 16-bit frame 512x512x3")]
    public void Memcpy_frame16() => _frame16.AsSpan().CopyTo(_frame16Copy);

    [Benchmark, BenchmarkCategory("YBR 16-bit frame 512x512x3")]
    public void YbrFullToRgb16_frame_in_place() => ColorSpace.YbrFullToRgb(_frame16.AsSpan(), 12);

    [Benchmark, BenchmarkCategory("YBR 16-bit frame 512x512x3")]
    public void RgbToYbrFull16_frame_in_place() => ColorSpace.RgbToYbrFull(_frame16.AsSpan(), 12);

    [Benchmark(Baseline = true), BenchmarkCategory("YBR volume 100x512x512x3")]
    public void Memcpy_volume() => _volume.AsSpan().CopyTo(_volumeCopy);

    [Benchmark, BenchmarkCategory("YBR volume 100x512x512x3")]
    public void YbrFullToRgb_volume_in_place() => ColorSpace.YbrFullToRgb(_volume);

    [Benchmark(Baseline = true), BenchmarkCategory("Window 16->8 512x512")]
    public void Memcpy_gray16() => System.Runtime.InteropServices.MemoryMarshal.AsBytes(_gray16.AsSpan()).CopyTo(_gray16Copy);

    [Benchmark, BenchmarkCategory("Window 16->8 512x512")]
    public void Window_16_to_8() => _window.Apply<ushort, byte>(_gray16, _gray8);

    [Benchmark(Baseline = true), BenchmarkCategory("Palette 8->RGB 512x512")]
    public void Memcpy_rgb_output() => _rgb.AsSpan().CopyTo(_rgbCopy);

    [Benchmark, BenchmarkCategory("Palette 8->RGB 512x512")]
    public void Palette_8_to_rgb() => _palette.Apply<byte, byte>(_indices, _rgb);

    [Benchmark, BenchmarkCategory("Palette 8->RGB 512x512")]
    public void Palette_8_to_rgb_scalar_stores()
    {
        PaletteColorLut.UseGather = false;
        try { _palette.Apply<byte, byte>(_indices, _rgb); }
        finally { PaletteColorLut.UseGather = true; }
    }
}
