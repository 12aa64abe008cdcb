using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using PixelGen.Frames;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Writing;

namespace PixelGen.Cli.Commands;

/// <summary>
/// <c>threshold IN OUT --below 300</c>: the seed's first example (<c>arr[arr &lt; 300] = 0</c>, write back, save).
/// Native files take the low-level path — only the Pixel Data bytes change; compressed files go through
/// SetPixelData and become Explicit VR Little Endian.
/// </summary>
internal sealed class ThresholdCommand : ICliCommand
{
    public string Name => "threshold";
    public string Usage => "threshold IN OUT [--below 300]  zero every pixel value below the threshold and save";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var files = CommandArgs.Positional(args);
        if (files.Count != 2)
        {
            stderr.WriteLine($"usage: {Usage}");
            return 1;
        }
        double below = double.Parse(CommandArgs.Option(args, "--below") ?? "300", CultureInfo.InvariantCulture);
        using var reader = FrameReader.Open(files[0]);
        var ds = reader.Dataset!.ToMutable(reader.TransferSyntax);
        ds.FileMeta = reader.File!.FileMetaInformation;
        var volume = reader.ReadAllFrames();
        long changed = Zero(volume, below);
        bool lowLevel = !reader.TransferSyntax.IsEncapsulated && !reader.Layout.IsBigEndian && reader.Layout.BitsAllocated >= 8
            && (reader.Layout.SamplesPerPixel == 1 || reader.Layout.PlanarConfiguration == 0) && !reader.Layout.IsYbrFull422;
        if (lowLevel) ds.SetPixelDataBytes(volume.AsBytes().ToArray(), ds[reader.File.PixelData!.Tag]!.VR);
        else ds.SetPixelData(volume, new SetPixelDataOptions { BitsStored = reader.Layout.Kind == PixelDataKind.Integer ? reader.Layout.BitsStored : null });
        ds.Save(files[1]);
        stdout.WriteLine($"{files[1]}: {changed:N0} of {volume.AsBytes().Length / PixelLayoutRules.ElementSize(volume.ElementType):N0} values below {below.ToString(CultureInfo.InvariantCulture)} set to 0 ({(lowLevel ? "Pixel Data bytes replaced, nothing else changed" : "SetPixelData, " + ds.TransferSyntax!.Name)})");
        return 0;
    }

    internal static long Zero(IPixelVolume volume, double below) => volume.ElementType switch
    {
        PixelElementType.UInt8 => Zero<byte>(volume.AsBytes(), below),
        PixelElementType.Int8 => Zero<sbyte>(volume.AsBytes(), below),
        PixelElementType.UInt16 => Zero<ushort>(volume.AsBytes(), below),
        PixelElementType.Int16 => Zero<short>(volume.AsBytes(), below),
        PixelElementType.UInt32 => Zero<uint>(volume.AsBytes(), below),
        PixelElementType.Int32 => Zero<int>(volume.AsBytes(), below),
        PixelElementType.UInt64 => Zero<ulong>(volume.AsBytes(), below),
        PixelElementType.Int64 => Zero<long>(volume.AsBytes(), below),
        PixelElementType.Float32 => Zero<float>(volume.AsBytes(), below),
        PixelElementType.Float64 => Zero<double>(volume.AsBytes(), below),
        _ => throw new PixelDataException($"Cannot threshold {volume.ElementType} pixels"),
    };

    private static long Zero<T>(Span<byte> bytes, double below) where T : unmanaged, INumber<T>
    {
        var values = MemoryMarshal.Cast<byte, T>(bytes);
        long n = 0;
        foreach (ref var v in values)
        {
            if (double.CreateTruncating(v) < below)
            {
                if (v != T.Zero) n++;
                v = T.Zero;
            }
        }
        return n;
    }
}
