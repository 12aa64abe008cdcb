using System.Buffers;
using System.Globalization;
using PixelGen.Layout;

namespace PixelGen.Cli.Commands;

/// <summary>
/// <c>decode [FILE] --out PATH [--frame N]</c>: writes decoded pixels as raw little-endian values, samples interleaved,
/// frame after frame (what numpy's <c>pixel_array.tobytes()</c> gives), and prints the dtype and shape to read them back.
/// </summary>
internal sealed class DecodeCommand : ICliCommand
{
    public string Name => "decode";
    public string Usage => "decode [FILE] --out PATH [--frame N]  decoded pixels as raw little-endian values";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? output = Option(args, "--out");
        string? frameText = Option(args, "--frame");
        if (output is null)
        {
            stderr.WriteLine("decode needs --out PATH");
            return 1;
        }
        int? only = null;
        if (frameText is not null)
        {
            if (!int.TryParse(frameText, NumberStyles.None, CultureInfo.InvariantCulture, out int f))
            {
                stderr.WriteLine($"--frame needs a frame number, not '{frameText}'");
                return 1;
            }
            only = f;
        }
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !IsValued(args[i - 1]))).ToArray();
        using var reader = ReaderInput.Open(positional.FirstOrDefault(), out var name);
        if (only is int index && (index < 0 || index >= reader.NumberOfFrames))
            throw new PixelDataException($"Frame {index} does not exist: {name} has {reader.NumberOfFrames} frame(s)", index);
        if (reader.Decoder is null)
            throw new CodecUnavailableException($"No decoder is registered for {reader.TransferSyntax}");
        reader.DecodingLayout.EnsureValid();

        long frameLength = reader.DecodedFrameLength;
        if (frameLength > Array.MaxLength) throw new PixelDataException($"A decoded frame of {frameLength} bytes is too large for this command");
        int first = only ?? 0, count = only is null ? reader.NumberOfFrames : 1;
        var buffer = ArrayPool<byte>.Shared.Rent((int)frameLength);
        string temp = output + ".partial";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                for (int i = first; i < first + count; i++)
                {
                    reader.DecodeFrame(i, buffer.AsSpan(0, (int)frameLength));
                    file.Write(buffer, 0, (int)frameLength);
                }
            File.Move(temp, output, overwrite: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (File.Exists(temp)) File.Delete(temp);
        }
        var layout = reader.DecodingLayout;
        string shape = Shape(count, only is null, layout.Rows, layout.Columns, layout.SamplesPerPixel);
        stdout.WriteLine($"{output}: {frameLength * count} bytes, {PixelLayoutRules.NumpyName(reader.ElementType)} (little endian), shape {shape}, {reader.DecodedPhotometricInterpretation}, decoder {reader.Decoder.Name}");
        return 0;
    }

    /// <summary>numpy's shape of <c>pixel_array</c>: frames only when more than one, samples only when more than one.</summary>
    internal static string Shape(int frames, bool allFrames, int rows, int columns, int samples)
    {
        var dims = new List<int>();
        if (allFrames && frames > 1) dims.Add(frames);
        dims.Add(rows);
        dims.Add(columns);
        if (samples > 1) dims.Add(samples);
        return "(" + string.Join(", ", dims) + ")";
    }

    private static bool IsValued(string option) => option is "--out" or "--frame";

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
