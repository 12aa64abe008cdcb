using System.Diagnostics;
using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Writing;

namespace PixelGen.Cli.Commands;

/// <summary><c>transcode IN OUT --to explicit|implicit|big-endian|deflate|rle</c>: re-encodes a file frame by frame, saved atomically.</summary>
internal sealed class TranscodeCommand : ICliCommand
{
    public string Name => "transcode";
    public string Usage => "transcode IN OUT --to explicit|implicit|big-endian|deflate|rle [--eot] [--defined-lengths]  re-encode frame by frame";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var files = CommandArgs.Positional(args);
        var to = CommandArgs.Option(args, "--to");
        if (files.Count != 2 || to is null)
        {
            stderr.WriteLine($"usage: {Usage}");
            return 1;
        }
        var target = Target(to);
        if (target is null)
        {
            stderr.WriteLine($"unknown --to '{to}': use explicit, implicit, big-endian, deflate or rle");
            return 1;
        }
        var options = new WriteOptions
        {
            WriteExtendedOffsetTable = args.Contains("--eot"),
            SequenceLengths = args.Contains("--defined-lengths") ? SequenceLengthMode.Defined : SequenceLengthMode.Preserve,
        };
        var clock = Stopwatch.StartNew();
        using (var reader = FrameReader.Open(files[0]))
        {
            stdout.WriteLine($"{files[0]}: {reader.TransferSyntax.Name}, {reader.NumberOfFrames} frame(s) of {reader.Layout}");
            Transcoder.Transcode(reader, files[1], target, options);
        }
        clock.Stop();
        long inBytes = new FileInfo(files[0]).Length, outBytes = new FileInfo(files[1]).Length;
        stdout.WriteLine($"{files[1]}: {target.Name}, {outBytes:N0} bytes ({(double)outBytes / Math.Max(inBytes, 1):P0} of {inBytes:N0}) in {clock.ElapsedMilliseconds} ms");
        return 0;
    }

    internal static TransferSyntax? Target(string name) => name.ToLowerInvariant() switch
    {
        "explicit" => TransferSyntax.ExplicitVRLittleEndian,
        "implicit" => TransferSyntax.ImplicitVRLittleEndian,
        "big-endian" => TransferSyntax.ExplicitVRBigEndian,
        "deflate" => TransferSyntax.DeflatedExplicitVRLittleEndian,
        "rle" => TransferSyntax.RleLossless,
        _ => null,
    };
}
