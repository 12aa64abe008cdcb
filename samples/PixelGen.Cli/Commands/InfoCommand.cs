using System.Globalization;
using PixelGen.Frames;

namespace PixelGen.Cli.Commands;

/// <summary><c>info [FILE]</c>: transfer syntax, layout, frame count and offsets, human-readable.</summary>
internal sealed class InfoCommand : ICliCommand
{
    public string Name => "info";
    public string Usage => "info [FILE]             transfer syntax, layout, frame count, offsets";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var reader = ReaderInput.Open(ReaderInput.FileArgument(args), out var name);
        var info = reader.FrameInfo;
        var file = reader.File;
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine($"file:               {name}");
        if (file is not null)
        {
            stdout.WriteLine($"preamble / meta:    {(file.HasPreamble ? "yes" : "no")} / {(file.HasFileMeta ? "yes" : "no")}{(file.IsTransferSyntaxAssumed ? " (transfer syntax detected)" : "")}");
            if (file.DeflatedStreamOffset is long d) stdout.WriteLine($"deflated at:        {d} (offsets below are in the inflated data set)");
        }
        stdout.WriteLine($"transfer syntax:    {reader.TransferSyntax}");
        stdout.WriteLine($"byte order:         {(info.IsLittleEndian ? "little endian" : "big endian")}, {(info.IsEncapsulated ? "encapsulated" : "native")}");
        stdout.WriteLine($"layout:             {reader.Layout}");
        stdout.WriteLine($"decoded:            {DecodedDescription(reader)}");
        if (reader.Decoder is { } chosen) stdout.WriteLine(DecoderLine(chosen));
        stdout.WriteLine($"frames:             {reader.NumberOfFrames} (index from {info.FrameIndexSource.Replace('_', ' ')})");
        stdout.WriteLine($"pixel data element: ({info.PixelDataTag[..4]},{info.PixelDataTag[4..]}) {info.PixelDataVr} at {info.PixelDataElementOffset}, value at {info.PixelDataValueOffset}, length {(info.PixelDataLength is long l ? l.ToString(inv) : "undefined")}");
        stdout.WriteLine($"first frame at:     {info.FirstFrameOffset}");
        stdout.WriteLine($"basic offset table: {(info.BasicOffsetTable.Count == 0 ? "empty" : $"{info.BasicOffsetTable.Count} entries")}");
        int shown = Math.Min(reader.NumberOfFrames, 5);
        for (int i = 0; i < shown; i++)
        {
            var f = info.Frames[i];
            string fragments = f.Fragments is { Count: > 1 } parts ? $" in {parts.Count} fragments" : "";
            string bits = f.BitOffset is long b ? $" (bit offset {b})" : "";
            stdout.WriteLine($"  frame {i,-5} offset {f.Offset,12}  length {f.Length,10}{fragments}{bits}");
        }
        if (reader.NumberOfFrames > shown) stdout.WriteLine($"  ... {reader.NumberOfFrames - shown} more (frames --json lists all)");
        foreach (var w in reader.Warnings) stdout.WriteLine($"warning: {w}");
        return 0;
    }

    /// <summary><c>decoder: NAME (generated)</c> or <c>decoder: NAME (runtime)</c>: which decoder the frame reader dispatches to.</summary>
    internal static string DecoderLine(PixelGen.Pixels.IFrameDecoder decoder)
    {
        string kind = decoder.IsGenerated ? "(generated)" : "(runtime)";
        return $"decoder: {(decoder.Name.EndsWith(kind, StringComparison.Ordinal) ? decoder.Name : $"{decoder.Name} {kind}")}";
    }

    // e.g. "int16 (short), shape (10, 64, 64), MONOCHROME2, decoder native (runtime)"
    private static string DecodedDescription(FrameReader reader)
    {
        var layout = reader.DecodingLayout;
        if (layout.Validate() != PixelGen.Layout.LayoutError.None)
            return $"not decodable: {PixelGen.Layout.PixelLayoutRules.Describe(layout.Validate())}";
        var type = reader.ElementType;
        string shape = DecodeCommand.Shape(reader.NumberOfFrames, true, layout.Rows, layout.Columns, layout.SamplesPerPixel);
        string decoder = reader.Decoder is { } d ? $"decoder {d.Name}{(d.IsGenerated ? " (generated)" : "")}" : $"no decoder for {reader.TransferSyntax.Name}";
        return $"{PixelGen.Layout.PixelLayoutRules.NumpyName(type)} ({PixelGen.Layout.PixelLayoutRules.CSharpKeyword(type)}), shape {shape}, {reader.DecodedPhotometricInterpretation}, {decoder}";
    }
}
