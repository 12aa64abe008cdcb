using System.Globalization;
using System.Runtime.InteropServices;
using PixelGen.Frames;
using PixelGen.Transforms;
using SkiaSharp;

namespace PixelGen.Cli.Commands;

/// <summary>
/// <c>render FILE --frame N --out x.png [--window C,W | --voi-index K] [--rgb]</c>: one frame through modality →
/// VOI (or palette / colour conversion) to an 8-bit PNG written with SkiaSharp.
/// </summary>
internal sealed class RenderCommand : ICliCommand
{
    public string Name => "render";
    public string Usage => "render FILE [--frame N] --out x.png [--window C,W | --voi-index K] [--rgb]";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, output = null;
        int frame = 0;
        var options = new RenderOptions();
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--frame" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.Integer, inv, out frame) || frame < 0) return Fail(stderr, $"--frame needs a non-negative integer, not '{args[i]}'");
                    break;
                case "--voi-index" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.Integer, inv, out int k) || k < 0) return Fail(stderr, $"--voi-index needs a non-negative integer, not '{args[i]}'");
                    options = options with { VoiIndex = k };
                    break;
                case "--window" when i + 1 < args.Length:
                    var parts = args[++i].Split(',');
                    if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, inv, out double c) || !double.TryParse(parts[1], NumberStyles.Float, inv, out double w))
                        return Fail(stderr, $"--window needs CENTER,WIDTH, not '{args[i]}'");
                    options = options with { WindowCenter = c, WindowWidth = w };
                    break;
                case "--rgb": options = options with { ForceRgb = true }; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null) return Fail(stderr, $"unexpected argument '{args[i]}'");
                    file = args[i];
                    break;
            }
        }
        if (file is null || output is null) return Fail(stderr, "FILE and --out are required");

        using var reader = FrameReader.Open(file);
        if (frame >= reader.NumberOfFrames) return Fail(stderr, $"--frame {frame} is out of range: the file has {reader.NumberOfFrames} frames");
        var dataset = reader.Dataset ?? throw new PixelDataException($"{file} has no data set");
        var layout = reader.DecodingLayout with { PhotometricInterpretation = reader.DecodedPhotometricInterpretation };
        var decoded = new byte[reader.DecodedFrameLength];
        reader.DecodeFrame(frame, decoded);
        int samples = DisplayRenderer.OutputSamples(layout, options);
        var pixels = new byte[layout.PixelsPerFrame * samples];
        DisplayRenderer.Render(dataset, layout, decoded, pixels, options);

        WritePng(output, layout.Columns, layout.Rows, samples, pixels);
        stdout.WriteLine($"{output}: {layout.Columns}x{layout.Rows} {(samples == 1 ? "grey" : "RGB")} 8-bit PNG, frame {frame} of {reader.NumberOfFrames}");
        return 0;
    }

    internal static void WritePng(string path, int width, int height, int samples, ReadOnlySpan<byte> pixels)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, samples == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque));
        var dst = bitmap.GetPixelSpan();
        int stride = bitmap.RowBytes;
        for (int y = 0; y < height; y++)
        {
            var row = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(dst), dst.Length).Slice(y * stride);
            if (samples == 1)
            {
                pixels.Slice(y * width, width).CopyTo(row);
                continue;
            }
            var src = pixels.Slice(y * width * 3, width * 3);
            for (int x = 0; x < width; x++)
            {
                row[4 * x] = src[3 * x];
                row[4 * x + 1] = src[3 * x + 1];
                row[4 * x + 2] = src[3 * x + 2];
                row[4 * x + 3] = 255;
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100) ?? throw new IOException("SkiaSharp could not encode the PNG");
        using var stream = File.Create(path);
        data.SaveTo(stream);
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"render: {message}");
        return 2;
    }
}
