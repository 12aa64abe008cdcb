using System.Buffers;
using PixelGen.Pixels;

namespace PixelGen.Codecs.JpegLs;

/// <summary>
/// Decodes one JPEG-LS codestream (ITU-T T.87 / ISO/IEC 14495-1): SOI, SOF55, optional LSE presets, one scan per
/// component (ILV 0) or one scan for all (ILV 1 line, ILV 2 sample interleave), EOI. Headers are checked
/// against the frame layout before any sample is decoded.
/// </summary>
internal static class JpegLsDecoder
{
    public static void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout)
    {
        layout.EnsureValid();
        if (!JpegLsSampleWriter.Supports(layout))
            throw new PixelDataException($"JPEG-LS decoding needs Bits Allocated 8 or 16 integer pixels, not {layout}");
        if (destination.Length < layout.DecodedFrameLength)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; the frame needs {layout.DecodedFrameLength}", nameof(destination));

        var reader = new JpegLsHeaderReader(source);
        if (source.Length < 2 || source[0] != 0xFF || source[1] != JpegLsHeaderReader.SOI)
            throw new PixelDataException("JPEG-LS codestream does not start with an SOI marker (FF D8)", null, 0);
        reader.Position = 2;

        JpegLsFrameHeader? frame = null;
        var preset = default(JpegLsPresetValues);
        var writer = new JpegLsSampleWriter(destination, layout);
        var decoded = new bool[4];

        while (true)
        {
            if (reader.Position >= source.Length)
            {
                // A missing EOI after complete scans is tolerated (some writers drop it).
                if (frame is not null && AllDecoded(decoded, frame)) return;
                throw reader.Corrupt("JPEG-LS codestream ends before all components were decoded");
            }
            byte marker = reader.ReadMarker();
            switch (marker)
            {
                case JpegLsHeaderReader.EOI:
                    if (frame is null || !AllDecoded(decoded, frame))
                        throw reader.Corrupt("JPEG-LS codestream ends (EOI) before all components were decoded");
                    return;
                case JpegLsHeaderReader.SOF55:
                    if (frame is not null) throw reader.Corrupt("JPEG-LS codestream has a second SOF55");
                    frame = reader.ParseFrameHeader(reader.ReadSegment(marker));
                    CheckAgainstLayout(frame, layout, reader.Position);
                    break;
                case JpegLsHeaderReader.LSE:
                    preset = reader.ParsePresets(reader.ReadSegment(marker));
                    break;
                case JpegLsHeaderReader.DRI:
                {
                    var dri = reader.ReadSegment(marker);
                    if (dri.Length >= 2 && (dri[0] | dri[1]) != 0)
                        throw reader.Corrupt("JPEG-LS restart intervals are not supported");
                    break;
                }
                case JpegLsHeaderReader.SOS:
                {
                    if (frame is null) throw reader.Corrupt("JPEG-LS SOS before SOF55");
                    var scan = reader.ParseScanHeader(reader.ReadSegment(marker), frame);
                    foreach (int c in scan.ComponentIndices)
                    {
                        if (decoded[c]) throw reader.Corrupt($"JPEG-LS component {frame.ComponentIds[c]} is coded twice");
                        decoded[c] = true;
                    }
                    int start = reader.Position;
                    int end = FindScanEnd(source, start);
                    var parameters = JpegLsCodingParameters.Resolve(frame.Precision, preset, scan.Near);
                    try
                    {
                        DecodeScan(source[start..end], frame, scan, parameters, writer);
                    }
                    catch (PixelDataException e) when (e.Offset is null)
                    {
                        throw new PixelDataException(e.Message, null, start, e);
                    }
                    reader.Position = end;
                    break;
                }
                case >= 0xE0 and <= 0xEF:
                {
                    var app = reader.ReadSegment(marker);
                    // CharLS's HP colour transform (APP8 "mrfx") is not allowed in DICOM; refuse rather than return wrong colours.
                    if (marker == 0xE8 && app.Length >= 5 && app[..4].SequenceEqual("mrfx"u8) && app[4] != 0)
                        throw reader.Corrupt($"JPEG-LS HP colour transform {app[4]} is not supported");
                    break;
                }
                case JpegLsHeaderReader.COM:
                    reader.ReadSegment(marker);
                    break;
                case >= 0xC0 and <= 0xCF when marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                    throw reader.Corrupt($"not a JPEG-LS codestream: found SOF marker FF{marker:X2} (another JPEG process)");
                default:
                    throw reader.Corrupt($"unexpected marker FF{marker:X2} in a JPEG-LS codestream");
            }
        }
    }

    private static bool AllDecoded(bool[] decoded, JpegLsFrameHeader frame)
    {
        for (int i = 0; i < frame.ComponentIds.Length; i++)
            if (!decoded[i]) return false;
        return true;
    }

    private static void CheckAgainstLayout(JpegLsFrameHeader frame, FrameLayout layout, int offset)
    {
        if (frame.Columns != layout.Columns || frame.Rows != layout.Rows)
            throw new PixelDataException($"JPEG-LS frame is {frame.Columns}x{frame.Rows} but Columns/Rows say {layout.Columns}x{layout.Rows}", null, offset);
        if (frame.ComponentIds.Length != layout.SamplesPerPixel)
            throw new PixelDataException($"JPEG-LS frame has {frame.ComponentIds.Length} components but Samples per Pixel is {layout.SamplesPerPixel}", null, offset);
        if (frame.Precision > layout.BitsAllocated)
            throw new PixelDataException($"JPEG-LS precision {frame.Precision} exceeds Bits Allocated {layout.BitsAllocated}", null, offset);
    }

    /// <summary>The scan ends at the first 0xFF followed by a byte with its high bit set (a marker).</summary>
    private static int FindScanEnd(ReadOnlySpan<byte> data, int start)
    {
        int i = start;
        while (true)
        {
            int ff = data[i..].IndexOf((byte)0xFF);
            if (ff < 0) return data.Length;
            i += ff;
            if (i + 1 >= data.Length) return data.Length;
            if (data[i + 1] >= 0x80) return i;
            i++;
        }
    }

    private static void DecodeScan(ReadOnlySpan<byte> data, JpegLsFrameHeader frame, JpegLsScanHeader scan,
        in JpegLsCodingParameters parameters, JpegLsSampleWriter writer)
    {
        int width = frame.Columns, height = frame.Rows;
        int nc = scan.ComponentIndices.Length;
        var decoder = JpegLsScanDecoder.ForScan(parameters);
        var bits = new JpegLsBitReader(data);
        // Two lines per component (ILV 0/1) or two interleaved lines (ILV 2), each with an edge sample at both ends.
        int lineLength = (width + 2) * (scan.InterleaveMode == 2 ? nc : 1);
        int lines = scan.InterleaveMode == 2 ? 2 : 2 * nc;
        var pool = ArrayPool<int>.Shared;
        var buffers = new int[lines][];
        try
        {
            for (int i = 0; i < lines; i++)
            {
                buffers[i] = pool.Rent(lineLength);
                Array.Clear(buffers[i], 0, lineLength);
            }

            if (scan.InterleaveMode == 2)
            {
                for (int c = 0; c < nc; c++)
                    if (nc != frame.ComponentIds.Length || scan.ComponentIndices[c] != c)
                        throw new PixelDataException("JPEG-LS sample-interleaved scan must code every component in frame order");
                for (int y = 0; y < height; y++)
                {
                    int[] previous = buffers[(y + 1) & 1], current = buffers[y & 1];
                    decoder.DecodeInterleavedLine(ref bits, previous, current, width, nc);
                    writer.WritePixelLine(current.AsSpan(0, lineLength), y);
                }
            }
            else
            {
                Span<int> runIndex = stackalloc int[4];
                for (int y = 0; y < height; y++)
                {
                    for (int c = 0; c < nc; c++)
                    {
                        int[] previous = buffers[2 * c + ((y + 1) & 1)], current = buffers[2 * c + (y & 1)];
                        decoder.RunIndex = runIndex[c];
                        decoder.DecodeLine(ref bits, previous, current, width);
                        runIndex[c] = decoder.RunIndex;
                        writer.WriteComponentLine(current.AsSpan(0, lineLength), y, scan.ComponentIndices[c]);
                    }
                }
            }
            if (bits.OverrunBits > 0)
                throw new PixelDataException($"JPEG-LS scan data is truncated ({(bits.OverrunBits + 7) / 8} bytes missing)");
        }
        finally
        {
            foreach (var b in buffers)
                if (b is not null) pool.Return(b);
        }
    }
}
