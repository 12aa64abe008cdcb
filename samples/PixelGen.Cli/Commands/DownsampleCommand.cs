using System.Globalization;
using System.Runtime.InteropServices;
using PixelGen.Frames;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Writing;

namespace PixelGen.Cli.Commands;

/// <summary>
/// <c>downsample IN OUT [--factor 2]</c>: the seed's second example (<c>arr[::2, ::2]</c>) done safely with
/// SetPixelData, which updates Rows, Columns and the rest of the Image Pixel module.
/// </summary>
internal sealed class DownsampleCommand : ICliCommand
{
    public string Name => "downsample";
    public string Usage => "downsample IN OUT [--factor 2] [--new-uid]  keep every n-th row and column; SetPixelData updates Rows/Columns";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var files = CommandArgs.Positional(args);
        int factor = int.Parse(CommandArgs.Option(args, "--factor") ?? "2", CultureInfo.InvariantCulture);
        if (files.Count != 2 || factor < 1)
        {
            stderr.WriteLine($"usage: {Usage}");
            return 1;
        }
        using var reader = FrameReader.Open(files[0]);
        var ds = reader.Dataset!.ToMutable(reader.TransferSyntax);
        ds.FileMeta = reader.File!.FileMetaInformation;
        var volume = reader.ReadAllFrames();
        var small = Downsample(volume, factor);
        ds.SetPixelData(small, new SetPixelDataOptions
        {
            BitsStored = reader.Layout.Kind == PixelDataKind.Integer ? reader.Layout.BitsStored : null,
            NewSopInstanceUid = args.Contains("--new-uid"),
        });
        ds.Save(files[1]);
        stdout.WriteLine($"{files[1]}: {volume.Rows}x{volume.Columns} -> {small.Rows}x{small.Columns}, {small.Frames} frame(s); Rows={ds.Rows} Columns={ds.Columns} ({ds.TransferSyntax!.Name})");
        return 0;
    }

    /// <summary>Every <paramref name="factor"/>-th row and column of every frame (all samples kept).</summary>
    internal static IPixelVolume Downsample(IPixelVolume volume, int factor)
    {
        int rows = (volume.Rows + factor - 1) / factor, columns = (volume.Columns + factor - 1) / factor, s = volume.SamplesPerPixel;
        int size = PixelLayoutRules.ElementSize(volume.ElementType);
        var layout = new FrameLayout
        {
            Rows = rows, Columns = columns, SamplesPerPixel = s, BitsAllocated = size * 8, BitsStored = size * 8, HighBit = size * 8 - 1,
            IsSigned = volume.ElementType is PixelElementType.Int8 or PixelElementType.Int16 or PixelElementType.Int32 or PixelElementType.Int64,
            Kind = volume.ElementType switch { PixelElementType.Float32 => PixelDataKind.Float, PixelElementType.Float64 => PixelDataKind.Double, _ => PixelDataKind.Integer },
        };
        var result = PixelVolume.Allocate(layout, volume.Frames, volume.PhotometricInterpretation);
        var src = volume.AsBytes();
        var dst = result.AsBytes();
        int pixel = s * size;
        for (int f = 0; f < volume.Frames; f++)
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++)
                {
                    long from = (((long)f * volume.Rows + (long)r * factor) * volume.Columns + (long)c * factor) * pixel;
                    long to = (((long)f * rows + r) * columns + c) * pixel;
                    src.Slice((int)from, pixel).CopyTo(dst.Slice((int)to, pixel));
                }
        return result;
    }
}
