using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace PixelGen.Cli.Commands;

/// <summary>
/// <c>frames [FILE] [--json]</c>: every frame's offset, length and SHA-256 of its raw bytes, and of its decoded pixels
/// when a decoder is available. The JSON keys are those of the corpus references (<c>transfer_syntax</c>,
/// <c>number_of_frames</c>, <c>pixel_data_element_offset</c>, <c>first_frame_offset</c>, <c>basic_offset_table</c>,
/// <c>frames[{index, raw_offset, raw_length, raw_sha256, decoded_sha256}]</c>); a frame that cannot be decoded gets
/// <c>decoded_sha256: null</c> and <c>decode_error</c>.
/// </summary>
internal sealed class FramesCommand : ICliCommand
{
    public string Name => "frames";
    public string Usage => "frames [FILE] [--json]  every frame: raw offset, length, SHA-256 (raw and decoded)";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        bool json = args.Contains("--json");
        using var reader = ReaderInput.Open(ReaderInput.FileArgument(args), out var name);
        var info = reader.FrameInfo;
        long largest = info.Frames.Count == 0 ? 0 : info.Frames.Max(f => f.Length);
        if (largest > Array.MaxLength) throw new PixelDataException($"A frame of {largest} bytes is too large to hash in memory");
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(largest, 1));
        try
        {
            var hashes = new string[reader.NumberOfFrames];
            for (int i = 0; i < hashes.Length; i++)
            {
                int n = reader.ReadFrameRaw(i, buffer);
                hashes[i] = Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, n)));
            }
            var decoded = DecodedHashes.Compute(reader);
            if (json) WriteJson(stdout, reader, hashes, decoded);
            else
            {
                stdout.WriteLine($"{name}: {reader.NumberOfFrames} frame(s), {reader.TransferSyntax.Name}");
                stdout.WriteLine($"{"index",5}  {"raw_offset",12}  {"raw_length",10}  {"raw_sha256",-64}  decoded_sha256");
                for (int i = 0; i < hashes.Length; i++)
                    stdout.WriteLine($"{i,5}  {info.Frames[i].Offset,12}  {info.Frames[i].Length,10}  {hashes[i]}  {decoded.Hashes[i] ?? "(" + decoded.Errors[i] + ")"}");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return 0;
    }

    private static void WriteJson(TextWriter stdout, PixelGen.Frames.FrameReader reader, string[] hashes, DecodedHashes decoded)
    {
        var info = reader.FrameInfo;
        var output = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("transfer_syntax", info.TransferSyntax);
            w.WriteNumber("number_of_frames", info.NumberOfFrames);
            w.WriteNumber("pixel_data_element_offset", info.PixelDataElementOffset);
            w.WriteNumber("first_frame_offset", info.FirstFrameOffset);
            w.WriteStartArray("basic_offset_table");
            foreach (var v in info.BasicOffsetTable) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteStartArray("frames");
            for (int i = 0; i < hashes.Length; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("index", i);
                w.WriteNumber("raw_offset", info.Frames[i].Offset);
                w.WriteNumber("raw_length", info.Frames[i].Length);
                w.WriteString("raw_sha256", hashes[i]);
                w.WriteString("decoded_sha256", decoded.Hashes[i]);
                if (decoded.Errors[i] is string error) w.WriteString("decode_error", error);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
