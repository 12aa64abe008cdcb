using System.Buffers.Binary;
using PixelGen.Dicom;
using PixelGen.IO;
using PixelGen.Layout;

namespace PixelGen.Frames;

/// <summary>Builds a <see cref="FrameInfo"/> from a parsed file: native arithmetic, EOT, validated BOT or a fragment scan.</summary>
internal static class FrameInfoBuilder
{
    public static FrameInfo Build(DicomFile file, List<string> warnings)
    {
        var pd = file.PixelData ?? throw new PixelDataException("The data set has no top-level Pixel Data, Float Pixel Data or Double Float Pixel Data element");
        var ds = file.Dataset;
        int rows = Required(ds.Rows, "(0028,0010) Rows", pd);
        int columns = Required(ds.Columns, "(0028,0011) Columns", pd);
        int bitsAllocated = Required(ds.BitsAllocated, "(0028,0100) Bits Allocated", pd);
        int samples = ds.SamplesPerPixel ?? 1;
        int bitsStored = ds.BitsStored ?? bitsAllocated;
        int highBit = ds.HighBit ?? bitsStored - 1;
        int frames = ds.NumberOfFrames ?? 1;
        if (rows <= 0 || columns <= 0 || samples <= 0 || bitsAllocated <= 0 || bitsAllocated > 64)
            throw new PixelDataException($"Image Pixel attributes cannot describe frames: Rows {rows}, Columns {columns}, Samples per Pixel {samples}, Bits Allocated {bitsAllocated}", null, pd.ElementOffset);
        if (frames <= 0)
            throw new PixelDataException($"(0028,0008) Number of Frames is {frames}", null, pd.ElementOffset);

        var info = new FrameInfo
        {
            TransferSyntax = file.TransferSyntax.Uid,
            IsLittleEndian = file.TransferSyntax.IsLittleEndian,
            IsEncapsulated = pd.IsEncapsulated,
            Rows = rows,
            Columns = columns,
            SamplesPerPixel = samples,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            HighBit = highBit,
            PixelRepresentation = ds.PixelRepresentation ?? 0,
            PlanarConfiguration = ds.PlanarConfiguration ?? 0,
            PhotometricInterpretation = ds.PhotometricInterpretation ?? "MONOCHROME2",
            NumberOfFrames = frames,
            PixelDataTag = pd.Tag.ToHex(),
            PixelDataVr = DicomVRInfo.Code(pd.VR),
            PixelDataElementOffset = pd.ElementOffset,
            PixelDataValueOffset = pd.ValueOffset,
            PixelDataLength = pd.IsUndefinedLength ? null : pd.Length,
            FirstFrameOffset = pd.ValueOffset,
            Frames = [],
        };
        if (pd.IsEncapsulated && !file.TransferSyntax.IsEncapsulated)
            warnings.Add($"Pixel data has undefined length under the native transfer syntax {file.TransferSyntax.Name}: read as encapsulated");
        if (!pd.IsEncapsulated && file.TransferSyntax.IsEncapsulated)
            warnings.Add($"Pixel data has a defined length under the encapsulated transfer syntax {file.TransferSyntax.Name}: read as native");
        return pd.IsEncapsulated ? Encapsulated(file, info, warnings) : Native(info, file.Source.Length, warnings);
    }

    private static int Required(int? value, string name, PixelDataElementInfo pd)
        => value ?? throw new PixelDataException($"{name} is missing; frames cannot be located", null, pd.ElementOffset);

    private static FrameInfo Native(FrameInfo info, long sourceLength, List<string> warnings)
    {
        var layout = info.ToLayout();
        // A Number of Frames far beyond the data (a damaged or hostile header) would make an index of millions of
        // frames that do not exist. Frames that start inside the data stay (a truncated last frame fails when
        // read, as pydicom's does); the rest are dropped with a warning.
        long available = Math.Max(0, Math.Min(info.PixelDataLength ?? long.MaxValue, sourceLength - info.PixelDataValueOffset));
        long bits = layout.NativeFrameBits;
        if (bits > 0)
        {
            long starting = Math.Max(1, (available * 8 + bits - 1) / bits);
            if (info.NumberOfFrames > starting)
            {
                warnings.Add($"Number of Frames is {info.NumberOfFrames} but the pixel data ({available} bytes) holds the start of only {starting}: {starting} frame(s) indexed");
                info = info with { NumberOfFrames = (int)starting };
            }
        }
        var frames = new NativeFrameList(info.PixelDataValueOffset, layout.NativeFrameLength, layout.NativeFrameBits, info.NumberOfFrames, info.BitsAllocated == 1);
        return info with { Frames = frames, FrameIndexSource = "native" };
    }

    private static FrameInfo Encapsulated(DicomFile file, FrameInfo info, List<string> warnings)
    {
        var source = file.Source;
        long valueOffset = info.PixelDataValueOffset;
        var bot = FragmentScanner.ReadBasicOffsetTable(source, valueOffset, out long firstItem);
        info = info with { BasicOffsetTable = bot };
        int frameCount = info.NumberOfFrames;

        if (TryExtendedOffsetTable(file, info, firstItem, warnings) is { } fromEot) return fromEot;

        var fragments = FragmentScanner.Scan(source, firstItem);
        if (fragments.Count == 0)
            throw new PixelDataException($"Encapsulated pixel data has no fragments but {frameCount} frame(s) are expected", null, firstItem);
        info = info with { FirstFrameOffset = fragments[0].DataOffset };

        int[]? starts = null; // index of each frame's first fragment
        string how = "fragment_scan";
        if (bot.Length > 0)
        {
            starts = FromBasicOffsetTable(bot, fragments, firstItem, frameCount, out var problem);
            if (starts is null) warnings.Add($"Basic Offset Table ignored: {problem}");
            else how = "basic_offset_table";
        }
        starts ??= Group(source, fragments, frameCount);

        var frames = new FrameEntry[frameCount];
        for (int f = 0; f < frameCount; f++)
        {
            int first = starts[f], last = f + 1 < frameCount ? starts[f + 1] : fragments.Count;
            long total = 0;
            for (int k = first; k < last; k++) total += fragments[k].Length;
            FragmentEntry[]? parts = null;
            if (last - first > 1)
            {
                parts = new FragmentEntry[last - first];
                for (int k = first; k < last; k++) parts[k - first] = new FragmentEntry { Offset = fragments[k].DataOffset, Length = fragments[k].Length };
            }
            frames[f] = new FrameEntry { Index = f, Offset = fragments[first].DataOffset, Length = total, Fragments = parts };
        }
        return info with { Frames = frames, FrameIndexSource = how };
    }

    /// <summary>BOT entries must start at 0, increase, and each point at a fragment's item tag.</summary>
    private static int[]? FromBasicOffsetTable(uint[] bot, List<Fragment> fragments, long firstItem, int frameCount, out string problem)
    {
        problem = "";
        if (bot.Length != frameCount) { problem = $"{bot.Length} entries for {frameCount} frames"; return null; }
        if (bot[0] != 0) { problem = $"first entry is {bot[0]}, not 0"; return null; }
        var starts = new int[frameCount];
        int k = 0;
        for (int f = 0; f < frameCount; f++)
        {
            if (f > 0 && bot[f] <= bot[f - 1]) { problem = $"entry {f} ({bot[f]}) does not increase"; return null; }
            long target = firstItem + bot[f];
            while (k < fragments.Count && fragments[k].ItemOffset < target) k++;
            if (k == fragments.Count || fragments[k].ItemOffset != target)
            {
                problem = $"entry {f} ({bot[f]}) does not point at a fragment item";
                return null;
            }
            starts[f] = k;
        }
        return starts;
    }

    /// <summary>Groups fragments into frames without an offset table (PS3.5 A.4 rules plus codestream markers).</summary>
    private static int[] Group(IRandomAccessSource source, List<Fragment> fragments, int frameCount)
    {
        int n = fragments.Count;
        if (n < frameCount)
            throw new PixelDataException($"Encapsulated pixel data has fewer fragments ({n}) than frames ({frameCount})", null, fragments[0].ItemOffset);
        var starts = new int[frameCount];
        if (n == frameCount)
        {
            for (int i = 0; i < n; i++) starts[i] = i;
            return starts;
        }
        if (frameCount == 1) return starts;

        // A new frame starts at a JPEG / JPEG-LS start-of-image (FFD8) or a JPEG 2000 start-of-codestream (FF4F).
        var byStart = new List<int>();
        for (int i = 0; i < n; i++)
            if (fragments[i].FirstTwoBytes is 0xFFD8 or 0xFF4F) byStart.Add(i);
        if (byStart.Count == frameCount && byStart[0] == 0) return byStart.ToArray();

        // Otherwise a frame ends at a fragment ending with end-of-image (FFD9).
        var byEnd = new List<int> { 0 };
        for (int i = 0; i < n - 1; i++)
            if (FragmentScanner.EndsWithEoi(source, fragments[i])) byEnd.Add(i + 1);
        if (byEnd.Count == frameCount) return byEnd.ToArray();

        throw new PixelDataException($"Cannot group {n} fragments into {frameCount} frames: no usable offset table and the codestream markers give {byStart.Count} frame starts", null, fragments[0].ItemOffset);
    }

    private static FrameInfo? TryExtendedOffsetTable(DicomFile file, FrameInfo info, long firstItem, List<string> warnings)
    {
        var ds = file.Dataset;
        if (!ds.TryGetElement(DicomTags.ExtendedOffsetTable, out var eotElement)) return null;
        if (!ds.TryGetElement(DicomTags.ExtendedOffsetTableLengths, out var lengthsElement))
        {
            warnings.Add("Extended Offset Table without Extended Offset Table Lengths: ignored");
            return null;
        }
        int frames = info.NumberOfFrames;
        if (eotElement.Length != 8L * frames || lengthsElement.Length != 8L * frames)
        {
            warnings.Add($"Extended Offset Table has {eotElement.Length / 8} entries and lengths {lengthsElement.Length / 8} for {frames} frames: ignored");
            return null;
        }
        var offsets = eotElement.RawValue.Span;
        var lengths = lengthsElement.RawValue.Span;
        bool le = eotElement.IsLittleEndian;
        long sourceLength = file.Source.Length;
        var entries = new FrameEntry[frames];
        ulong previousEnd = 0;
        for (int i = 0; i < frames; i++)
        {
            ulong off = le ? BinaryPrimitives.ReadUInt64LittleEndian(offsets[(i * 8)..]) : BinaryPrimitives.ReadUInt64BigEndian(offsets[(i * 8)..]);
            ulong len = le ? BinaryPrimitives.ReadUInt64LittleEndian(lengths[(i * 8)..]) : BinaryPrimitives.ReadUInt64BigEndian(lengths[(i * 8)..]);
            bool ok = (i == 0 ? off == 0 : off >= previousEnd) && off <= (ulong)sourceLength && len <= (ulong)sourceLength
                      && (ulong)firstItem + off + 8 + len <= (ulong)sourceLength;
            if (!ok)
            {
                warnings.Add($"Extended Offset Table entry {i} (offset {off}, length {len}) is not monotonic or runs past the data: ignored");
                return null;
            }
            previousEnd = off + 8 + len;
            entries[i] = new FrameEntry { Index = i, Offset = firstItem + (long)off + 8, Length = (long)len };
        }
        return info with { Frames = entries, FirstFrameOffset = entries[0].Offset, FrameIndexSource = "extended_offset_table" };
    }
}
