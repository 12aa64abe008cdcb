using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Writing;

/// <summary>
/// Re-encodes a DICOM file in another transfer syntax frame by frame: native ↔ RLE Lossless ↔ Deflated, and between
/// Implicit VR, Explicit VR Little Endian and Explicit VR Big Endian. Only a few frames are ever in memory, so a
/// multi-GB file transcodes in bounded memory. Elements other than the pixel data are written back unchanged
/// (only re-encoded); Planar Configuration and Photometric Interpretation change only when frames are decoded.
/// </summary>
public static class Transcoder
{
    /// <summary>The transfer syntaxes PixelGen can write pixel data in.</summary>
    public static IReadOnlyList<TransferSyntax> Targets { get; } =
    [
        TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian,
        TransferSyntax.DeflatedExplicitVRLittleEndian, TransferSyntax.RleLossless,
    ];

    /// <summary>Writes the file <paramref name="source"/> reads as a Part 10 file in <paramref name="target"/> to <paramref name="destination"/>.</summary>
    /// <param name="source">An open reader of a parsed file; it must stay open until the call returns.</param>
    /// <param name="destination">Where the file goes (seekable for a filled Basic Offset Table under RLE).</param>
    /// <param name="target">One of <see cref="Targets"/>.</param>
    /// <param name="options">Write options (sequence lengths, offset tables, deflate level...).</param>
    public static void Transcode(FrameReader source, Stream destination, TransferSyntax target, WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var dataset = Prepare(source, target);
        DicomFileWriter.Write(destination, dataset, target, options, dataset.FileMeta);
    }

    /// <summary>Transcodes to a file, atomically (see <see cref="AtomicFile"/>): on failure an existing file is untouched.</summary>
    public static void Transcode(FrameReader source, string destinationPath, TransferSyntax target, WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destinationPath);
        var dataset = Prepare(source, target);
        AtomicFile.Write(destinationPath, s => DicomFileWriter.Write(s, dataset, target, options, dataset.FileMeta));
    }

    /// <summary>
    /// The data set of <paramref name="source"/> ready to be written in <paramref name="target"/>: pixel data replaced by
    /// content that reads, converts and encodes one frame at a time while it is written. Nothing is read yet.
    /// </summary>
    public static MutableDicomDataset Prepare(FrameReader source, TransferSyntax target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!Targets.Contains(target))
            throw new PixelGenException($"Cannot transcode to {target}: PixelGen writes {string.Join(", ", Targets.Select(t => t.Name))}");
        var file = source.File ?? throw new PixelGenException("Transcoding needs a reader of a parsed file, not one built from a FrameInfo alone");
        var ds = file.Dataset.ToMutable(target);
        ds.FileMeta = file.FileMetaInformation;
        ds.TransferSyntax = target;
        var from = source.TransferSyntax;
        if (file.PixelData is not { } pixel) return ds;

        var layout = source.Layout;
        if (from == target && from.IsEncapsulated)
            return ds; // same compression: fragments copied byte for byte
        if (layout.BitsAllocated == 1)
        {
            if (!from.IsEncapsulated && !target.IsEncapsulated)
                return ds; // 1-bit native data is copied as stored (bit-packed frames need no byte swapping)
            throw new PixelGenException($"Transcoding 1-bit pixel data from {from.Name} to {target.Name} is not supported");
        }

        if (!target.IsEncapsulated)
        {
            if (!from.IsEncapsulated)
            {
                ds.SetPixelDataContent(new NativeContent(new RawNativeFrames(source)), pixel.Tag);
            }
            else
            {
                var frames = new DecodedFrames(source);
                UpdateForDecodedFrames(ds, layout, frames.OutputLayout);
                ds.SetPixelDataContent(new NativeContent(frames), pixel.Tag);
            }
            return ds;
        }

        // RLE Lossless
        if (layout.Kind != PixelDataKind.Integer)
            throw new PixelGenException($"{pixel.Tag} holds floating point pixels, which RLE Lossless cannot encode");
        INativeFrames native;
        if (!from.IsEncapsulated && !layout.IsBigEndian && !layout.IsYbrFull422)
            native = new RawNativeFrames(source);
        else
        {
            native = new DecodedFrames(source);
            UpdateForDecodedFrames(ds, layout, native.OutputLayout);
        }
        ds.SetPixelDataContent(new RleContent(native), pixel.Tag);
        return ds;
    }

    private static void UpdateForDecodedFrames(MutableDicomDataset ds, FrameLayout before, FrameLayout after)
    {
        // Decoded frames are interleaved, full resolution, in the decoder's colour space.
        if (before.SamplesPerPixel > 1) ds.SetPlanarConfiguration(0);
        if (after.PhotometricInterpretation != before.PhotometricInterpretation) ds.SetPhotometricInterpretation(after.PhotometricInterpretation);
    }
}
