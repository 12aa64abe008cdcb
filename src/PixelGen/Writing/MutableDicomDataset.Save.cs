using PixelGen.Dicom;

namespace PixelGen.Writing;

public partial class MutableDicomDataset
{
    /// <summary>File Meta Information to carry into written files (e.g. as read); the writer sets the elements it owns.</summary>
    public DicomDataset? FileMeta { get; set; }

    /// <summary>
    /// Saves as a Part 10 file in <see cref="TransferSyntax"/> (Explicit VR Little Endian when null), atomically:
    /// a temporary file in the same folder, flushed, then renamed over <paramref name="path"/>. On failure the
    /// existing file is untouched. Deferred values are read from their source while writing, so saving over the
    /// file the data set was read from is safe.
    /// </summary>
    public void Save(string path, WriteOptions? options = null) => Save(path, options, null);

    /// <summary>
    /// <see cref="Save(string, WriteOptions?)"/> with a wrapper around the output stream (fault injection in tests,
    /// progress reporting); see <see cref="AtomicFile.Write"/>.
    /// </summary>
    public void Save(string path, WriteOptions? options, Func<Stream, Stream>? outputFilter)
        => AtomicFile.Write(path, stream => Write(stream, options), outputFilter);

    /// <summary>Writes the data set as a Part 10 file to <paramref name="output"/>, which stays open.</summary>
    public void Write(Stream output, WriteOptions? options = null)
        => DicomFileWriter.Write(output, this, TransferSyntax ?? Dicom.TransferSyntax.ExplicitVRLittleEndian, options, FileMeta);
}
