using System.IO.Compression;
using PixelGen.Dicom;

namespace PixelGen.Writing;

/// <summary>
/// Writes DICOM Part 10 files: preamble, File Meta Information, then the data set in Implicit VR Little Endian,
/// Explicit VR Little Endian, Explicit VR Big Endian, Deflated Explicit VR Little Endian, or an encapsulated
/// transfer syntax. Memory stays bounded: deferred values are copied in chunks and pixel content frame by frame.
/// </summary>
public static class DicomFileWriter
{
    private static readonly byte[] s_version = [0x00, 0x01];

    /// <summary>
    /// Writes <paramref name="dataset"/> as a Part 10 file to <paramref name="output"/> (which stays open).
    /// Runs the pixel consistency check first unless <see cref="WriteOptions.SkipConsistencyCheck"/>.
    /// </summary>
    /// <param name="output">The destination; it needs to be seekable only for encapsulated frames produced while writing whose offset table is filled.</param>
    /// <param name="dataset">The data set; its (0002,xxxx) elements, if any, are used as File Meta Information.</param>
    /// <param name="transferSyntax">The encoding of the data set (and the (0002,0010) value).</param>
    /// <param name="options">Write options.</param>
    /// <param name="fileMeta">File Meta Information to keep (e.g. as read); the writer sets the elements it owns.</param>
    public static void Write(Stream output, DicomDataset dataset, TransferSyntax transferSyntax, WriteOptions? options = null, DicomDataset? fileMeta = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        options ??= WriteOptions.Default;
        if (!options.SkipConsistencyCheck) PixelConsistency.Ensure(dataset, transferSyntax);
        var meta = BuildFileMeta(dataset, transferSyntax, options, fileMeta);

        var buffered = new BufferedStream(output, 1 << 16);
        if (options.WritePreamble)
        {
            buffered.Write(new byte[128]);
            buffered.Write("DICM"u8);
        }
        WriteFileMeta(buffered, meta, options);
        if (transferSyntax.IsDeflated)
        {
            buffered.Flush();
            var counter = new CountingStream(output);
            using (var deflate = new DeflateStream(counter, options.DeflateLevel, leaveOpen: true))
            {
                var inner = new BufferedStream(deflate, 1 << 16);
                new DatasetEncoder(inner, true, true, options).WriteDataset(dataset, topLevel: true);
                inner.Flush();
            }
            if ((counter.Count & 1) == 1) output.WriteByte(0); // the deflated stream is padded to even length
        }
        else
        {
            new DatasetEncoder(buffered, transferSyntax.IsExplicitVR, transferSyntax.IsLittleEndian, options).WriteDataset(dataset, topLevel: true);
            buffered.Flush();
        }
        output.Flush();
    }

    /// <summary>The File Meta Information that <see cref="Write"/> writes for these inputs (group length excluded).</summary>
    public static DicomDataset BuildFileMeta(DicomDataset dataset, TransferSyntax transferSyntax, WriteOptions? options = null, DicomDataset? fileMeta = null)
    {
        options ??= WriteOptions.Default;
        var meta = new MutableDicomDataset();
        if (fileMeta is not null)
            foreach (var e in fileMeta) if (e.Tag.Group == 0x0002) meta.Add(e);
        foreach (var e in dataset) if (e.Tag.Group == 0x0002) meta.Add(e);
        meta.Remove(DicomTags.FileMetaInformationGroupLength);

        // The UIDs are copied as stored (not re-validated): writing back a file must not fail on its own odd UIDs.
        var sopClass = UidValue(dataset, DicomTags.SopClassUid) ?? UidValue(meta, DicomTags.MediaStorageSopClassUid);
        var sopInstance = UidValue(dataset, DicomTags.SopInstanceUid) ?? UidValue(meta, DicomTags.MediaStorageSopInstanceUid);
        if (!options.AllowMissingSopUids)
        {
            if (sopClass is null) throw new PixelGenException("(0008,0016) SOP Class UID is missing; the File Meta Information needs it as (0002,0002) (or set WriteOptions.AllowMissingSopUids)");
            if (sopInstance is null) throw new PixelGenException("(0008,0018) SOP Instance UID is missing; the File Meta Information needs it as (0002,0003) (or set WriteOptions.AllowMissingSopUids)");
        }
        meta.SetBinary(DicomTags.FileMetaInformationVersion, DicomVR.OB, s_version);
        if (sopClass is { } c) meta.Add(new DicomElement(DicomTags.MediaStorageSopClassUid, DicomVR.UI, c));
        if (sopInstance is { } i) meta.Add(new DicomElement(DicomTags.MediaStorageSopInstanceUid, DicomVR.UI, i));
        meta.SetString(DicomTags.TransferSyntaxUid, DicomVR.UI, transferSyntax.Uid);
        meta.SetString(DicomTags.ImplementationClassUid, DicomVR.UI, options.ImplementationClassUid);
        meta.SetString(DicomTags.ImplementationVersionName, DicomVR.SH, options.ImplementationVersionName);
        return meta;
    }

    private static ReadOnlyMemory<byte>? UidValue(DicomDataset dataset, DicomTag tag)
        => dataset.TryGetElement(tag, out var e) && e.Length > 0 && e.Items is null && !e.IsUndefinedLength ? (ReadOnlyMemory<byte>?)e.RawValue : null;

    private static void WriteFileMeta(Stream output, DicomDataset meta, WriteOptions options)
    {
        // Always Explicit VR Little Endian; the group length counts every meta element after it.
        using var body = new MemoryStream();
        var encoder = new DatasetEncoder(body, true, true, options);
        foreach (var e in meta)
        {
            if (e.Tag.IsGroupLength) continue;
            encoder.WriteElement(e, meta);
        }
        var header = new DatasetEncoder(output, true, true, options);
        header.WriteHeader(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, 4);
        Span<byte> len = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(len, checked((uint)body.Length));
        output.Write(len);
        body.Position = 0;
        body.CopyTo(output);
    }
}
