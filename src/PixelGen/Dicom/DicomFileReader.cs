using PixelGen.IO;

namespace PixelGen.Dicom;

/// <summary>
/// Reads DICOM Part 10 files (and bare data sets without preamble or meta) up to the top-level pixel data
/// element, whose value is left in the source.
/// </summary>
public static class DicomFileReader
{
    /// <summary>Opens and parses a file. The returned <see cref="DicomFile"/> owns the open file: dispose it.</summary>
    public static DicomFile Read(string path, DicomReadOptions? options = null)
    {
        var source = new FileSource(path);
        try
        {
            return Read(source, options, ownsSource: true);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Parses a readable, seekable stream from its start; it stays open and must outlive the result. A
    /// <see cref="FileStream"/> is read positionally through its handle (safe for parallel reads).
    /// </summary>
    public static DicomFile Read(Stream stream, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        IRandomAccessSource source = stream is FileStream fs ? new FileSource(fs.SafeFileHandle) : new StreamSource(stream, leaveOpen: true);
        return Read(source, options, ownsSource: false);
    }

    /// <summary>Parses a source, which must outlive the result (it is not disposed with it).</summary>
    public static DicomFile Read(IRandomAccessSource source, DicomReadOptions? options = null)
        => Read(source, options, ownsSource: false);

    private static DicomFile Read(IRandomAccessSource source, DicomReadOptions? options, bool ownsSource)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= DicomReadOptions.Default;
        var warnings = new List<string>();
        var cursor = new SourceCursor(source, 0);
        try
        {
            return Read(source, options, ownsSource, warnings, ref cursor);
        }
        finally
        {
            cursor.Dispose();
        }
    }

    private static DicomFile Read(IRandomAccessSource source, DicomReadOptions options, bool ownsSource, List<string> warnings, ref SourceCursor cursor)
    {

        bool hasPreamble = false;
        var head = cursor.Peek(132);
        if (head.Length >= 132 && head.Slice(128, 4).SequenceEqual("DICM"u8))
        {
            hasPreamble = true;
            cursor.Position = 132;
        }
        else if (head.Length >= 4 && head[..4].SequenceEqual("DICM"u8))
        {
            warnings.Add("The file starts with DICM without a preamble");
            cursor.Position = 4;
        }
        if (cursor.Remaining == 0) throw new DicomFormatException("The data is empty: no DICOM data set", cursor.Position);

        var metaElements = ReadFileMeta(cursor, options, warnings);
        bool hasMeta = metaElements.Count > 0;
        var meta = new DicomDataset(metaElements);
        long datasetOffset = cursor.Position;

        TransferSyntax syntax;
        bool assumed = false;
        var tsUid = meta.GetString(DicomTags.TransferSyntaxUid);
        if (tsUid is { Length: > 0 })
        {
            syntax = TransferSyntax.FromUid(tsUid);
        }
        else
        {
            syntax = DetectEncoding(cursor.Peek(6));
            assumed = true;
            warnings.Add($"No transfer syntax in the file meta: detected {syntax.Name} from the first data set bytes");
        }

        IRandomAccessSource datasetSource = source;
        IDisposable? owned = ownsSource ? source : null;
        long? deflatedAt = null;
        if (syntax.IsDeflated)
        {
            deflatedAt = datasetOffset;
            var inflated = DeflatedDataset.Inflate(source, datasetOffset, options);
            datasetSource = inflated;
            owned = new CompositeDisposable(inflated, ownsSource ? source : null);
            cursor.Dispose();
            cursor = new SourceCursor(inflated, 0);
            datasetOffset = 0;
        }

        bool explicitVR = syntax.IsExplicitVR, le = syntax.IsLittleEndian;
        var first = cursor.Peek(6);
        if (first.Length == 6)
        {
            bool looksExplicit = DicomVRInfo.TryParse(first[4], first[5], out _);
            if (explicitVR && !looksExplicit)
            {
                warnings.Add("Expected explicit VR, but found implicit VR - using implicit VR for reading");
                explicitVR = false;
                le = true;
            }
            else if (!explicitVR && looksExplicit)
            {
                warnings.Add("Expected implicit VR, but found explicit VR - using explicit VR for reading");
                explicitVR = true;
            }
        }

        try
        {
            var parser = new DatasetParser(cursor, options, warnings);
            var elements = parser.ParseTopLevel(explicitVR, le);
            if (parser.PixelDataElement is { } pd) elements.Add(pd);
            return new DicomFile(meta, new DicomDataset(elements), syntax, hasPreamble, hasMeta, warnings, parser.PixelData,
                datasetSource, owned, datasetOffset, deflatedAt, assumed);
        }
        catch
        {
            if (syntax.IsDeflated) (datasetSource as IDisposable).Dispose();
            throw;
        }
    }

    /// <summary>Reads group 0002 elements (always Explicit VR Little Endian; tolerates implicit ones).</summary>
    private static List<DicomElement> ReadFileMeta(SourceCursor cursor, DicomReadOptions options, List<string> warnings)
    {
        var result = new List<DicomElement>();
        while (cursor.Remaining >= 8)
        {
            var peek = cursor.Peek(6);
            if (peek[0] != 0x02 || peek[1] != 0x00) break;
            long start = cursor.Position;
            var tag = new DicomTag(cursor.ReadUInt16(true), cursor.ReadUInt16(true));
            DicomVR vr;
            uint length;
            int header;
            DicomVR encoded = DicomVR.None;
            if (DicomVRInfo.TryParse(peek[4], peek[5], out vr))
            {
                encoded = vr;
                cursor.Position += 2;
                if (DicomVRInfo.HasLongLength(vr)) { cursor.Skip(2, "reserved bytes"); length = cursor.ReadUInt32(true); header = 12; }
                else { length = cursor.ReadUInt16(true); header = 8; }
            }
            else
            {
                vr = DicomDictionary.VRFor(tag);
                length = cursor.ReadUInt32(true);
                header = 8;
                warnings.Add($"File meta element {tag} is implicit VR");
            }
            if (length == DicomElement.UndefinedLength || length > cursor.Remaining || length > 1024 * 1024)
                throw new DicomFormatException($"File meta element {tag} has an invalid length {length}", start);
            long valueOffset = cursor.Position;
            var value = cursor.ReadBytes(length, $"file meta element {tag}");
            result.Add(new DicomElement(tag, vr, value, true, start, valueOffset) { HeaderLength = header, EncodedVR = encoded });
        }
        return result;
    }

    /// <summary>
    /// pydicom's guess for a data set without a declared transfer syntax: explicit when bytes 4-5 are a VR,
    /// big endian when the group reads smaller that way (groups are small numbers like 0x0008).
    /// </summary>
    internal static TransferSyntax DetectEncoding(ReadOnlySpan<byte> first)
    {
        if (first.Length < 6) return TransferSyntax.ImplicitVRLittleEndian;
        bool explicitVR = DicomVRInfo.TryParse(first[4], first[5], out _);
        int groupLe = first[0] | (first[1] << 8);
        int groupBe = (first[0] << 8) | first[1];
        bool bigEndian = groupBe < groupLe;
        if (!explicitVR) return TransferSyntax.ImplicitVRLittleEndian;
        return bigEndian ? TransferSyntax.ExplicitVRBigEndian : TransferSyntax.ExplicitVRLittleEndian;
    }

    private sealed class CompositeDisposable(IDisposable first, IDisposable? second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second?.Dispose();
        }
    }
}
