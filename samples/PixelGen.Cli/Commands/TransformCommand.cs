using System.Globalization;
using PixelGen.Frames;
using PixelGen.Layout;
using PixelGen.Transforms;

namespace PixelGen.Cli.Commands;

/// <summary>
/// <c>transform FILE --apply ID [--index K] --out PATH</c>: decodes every frame, applies a transform chain by its
/// corpus id and writes the result as raw little-endian values (frames, rows, columns, samples); prints one JSON
/// line with numpy's dtype and shape (frames and samples left out when 1, as pydicom's arrays are).
/// </summary>
internal sealed class TransformCommand : ICliCommand
{
    public string Name => "transform";
    public string Usage => "transform FILE --apply modality_lut|voi_lut|modality_lut+voi_lut|color_lut|ybr_full_to_rgb|palette:NAME [--index K] --out PATH";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, apply = null, output = null;
        int index = 0;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--apply" when i + 1 < args.Length: apply = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--index" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out index) || index < 0)
                    {
                        stderr.WriteLine($"transform: --index needs a non-negative integer, not '{args[i]}'");
                        return 2;
                    }
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null)
                    {
                        stderr.WriteLine($"transform: unexpected argument '{args[i]}'\nusage: {Usage}");
                        return 2;
                    }
                    file = args[i];
                    break;
            }
        }
        if (file is null || apply is null || output is null)
        {
            stderr.WriteLine($"usage: {Usage}");
            return 2;
        }

        using var reader = FrameReader.Open(file);
        var dataset = reader.Dataset ?? throw new PixelDataException($"{file} has no data set");
        var layout = reader.DecodingLayout with { PhotometricInterpretation = reader.DecodedPhotometricInterpretation };
        TransformPipeline pipeline;
        try
        {
            pipeline = TransformPipeline.Create(apply, dataset, layout, index);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"transform: {ex.Message}");
            return 2;
        }

        var decoded = new byte[reader.DecodedFrameLength];
        var transformed = new byte[pipeline.OutputFrameLength];
        using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            for (int f = 0; f < reader.NumberOfFrames; f++)
            {
                reader.DecodeFrame(f, decoded);
                pipeline.Apply(decoded, transformed);
                stream.Write(transformed);
            }
        }

        var o = pipeline.OutputLayout;
        var shape = new List<long>();
        if (reader.NumberOfFrames > 1) shape.Add(reader.NumberOfFrames);
        shape.Add(o.Rows);
        shape.Add(o.Columns);
        if (o.SamplesPerPixel > 1) shape.Add(o.SamplesPerPixel);
        // One JSON line in the reference files' spelling, e.g. {"dtype": "uint16", "shape": [2, 600, 800, 3]}.
        stdout.WriteLine($"{{\"dtype\": \"{PixelLayoutRules.NumpyName(o.ElementType)}\", \"shape\": [{string.Join(", ", shape.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]}}");
        return 0;
    }
}
