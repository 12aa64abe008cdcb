using System.Diagnostics;
using System.Globalization;
using PixelGen.Pixels;

namespace PixelGen.Cli.Commands;

/// <summary>
/// <c>bench [FILE] [--frames N]</c>: decodes native frames with the runtime decoder and with the matching generated
/// decoder, and copies the same number of output bytes with memcpy, in one run; prints MB/s of decoded output and the
/// ratios. A quick check on one's own data; tests/PixelGen.Benchmarks is the rigorous measurement.
/// </summary>
internal sealed class BenchCommand : ICliCommand
{
    private static readonly TimeSpan MinimumTime = TimeSpan.FromMilliseconds(400);

    public string Name => "bench";
    public string Usage => "bench [FILE] [--frames N]  runtime vs generated decoder vs memcpy, MB/s (no FILE: synthetic CT)";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        int frames = 16;
        int at = Array.IndexOf(args, "--frames");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out frames) || frames < 1))
        {
            stderr.WriteLine("--frames needs a positive number");
            return 1;
        }
        string? path = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--frames")).FirstOrDefault();

        FrameLayout layout;
        byte[][] raw;
        string name;
        if (path is null)
        {
            name = "synthetic CT (512x512, 16-bit signed, 12 stored)";
            layout = SyntheticCt.Layout;
            raw = [.. Enumerable.Range(0, frames).Select(SyntheticCt.Frame)];
        }
        else
        {
            using var reader = Frames.FrameReader.Open(path);
            name = path;
            layout = reader.Layout;
            if (reader.TransferSyntax.IsEncapsulated)
            {
                stderr.WriteLine($"bench measures native decoding; {path} is {reader.TransferSyntax} (encapsulated)");
                return 1;
            }
            raw = [.. Enumerable.Range(0, frames).Select(i => reader.ReadFrameRaw(i % reader.NumberOfFrames))];
        }

        var runtime = NativeFrameDecoder.Instance;
        var generated = FrameDecoders.NativeDecoders.FirstOrDefault(d => d.IsGenerated && d.CanDecode(layout));
        long decodedLength = layout.DecodedFrameLength;
        var destination = new byte[decodedLength];

        stdout.WriteLine($"file:      {name}");
        stdout.WriteLine($"layout:    {layout}");
        stdout.WriteLine($"frames:    {raw.Length} x {decodedLength:N0} decoded bytes");
        double runtimeMBs = Measure(() => { foreach (var f in raw) runtime.Decode(f, destination, layout); }, raw.Length * decodedLength);
        // memcpy streams the same frames (not one cache-hot buffer), as many bytes as each decoder writes where it can.
        long copyBytes = raw.Sum(f => Math.Min(f.LongLength, decodedLength));
        double memcpyMBs = Measure(() => { foreach (var f in raw) f.AsSpan(0, (int)Math.Min(f.LongLength, decodedLength)).CopyTo(destination); }, copyBytes);
        stdout.WriteLine($"runtime:   {runtimeMBs,9:F0} MB/s  ({runtime.Name})");
        if (generated is null)
        {
            stdout.WriteLine("generated: none matches this layout (declare one with [PixelLayout])");
        }
        else
        {
            double generatedMBs = Measure(() => { foreach (var f in raw) generated.Decode(f, destination, layout); }, raw.Length * decodedLength);
            stdout.WriteLine($"generated: {generatedMBs,9:F0} MB/s  ({generated.Name})");
            stdout.WriteLine($"memcpy:    {memcpyMBs,9:F0} MB/s");
            stdout.WriteLine($"ratios:    generated/runtime {generatedMBs / runtimeMBs:F2}x, generated/memcpy {generatedMBs / memcpyMBs:F2}x, runtime/memcpy {runtimeMBs / memcpyMBs:F2}x");
            return 0;
        }
        stdout.WriteLine($"memcpy:    {memcpyMBs,9:F0} MB/s");
        stdout.WriteLine($"ratios:    runtime/memcpy {runtimeMBs / memcpyMBs:F2}x");
        return 0;
    }

    /// <summary>Runs <paramref name="pass"/> once to warm up, then repeatedly for at least <see cref="MinimumTime"/>; MB/s (10^6 bytes).</summary>
    private static double Measure(Action pass, long bytesPerPass)
    {
        pass();
        long passes = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            pass();
            passes++;
        }
        while (clock.Elapsed < MinimumTime);
        return passes * (double)bytesPerPass / clock.Elapsed.TotalSeconds / 1e6;
    }

    /// <summary>CT-like frames: 16-bit signed, 12 bits stored, values -1024…3071 with garbage above bit 11.</summary>
    private static class SyntheticCt
    {
        public static readonly FrameLayout Layout = new()
        {
            Rows = 512, Columns = 512, BitsAllocated = 16, BitsStored = 12, HighBit = 11, IsSigned = true,
            PhotometricInterpretation = "MONOCHROME2",
        };

        public static byte[] Frame(int index)
        {
            var random = new Random(index);
            var frame = new byte[Layout.NativeFrameLength];
            for (int i = 0; i < frame.Length; i += 2)
            {
                int value = random.Next(-1024, 3072) & 0x0FFF | random.Next(16) << 12;
                frame[i] = (byte)value;
                frame[i + 1] = (byte)(value >> 8);
            }
            return frame;
        }
    }
}
