using System.Buffers.Binary;
using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg;

/// <summary>One component of a JPEG frame header (SOF): identifier, sampling factors, quantisation table.</summary>
internal readonly record struct JpegComponentSpec(byte Id, int H, int V, int Tq);

/// <summary>The frame header (SOFn) of a JPEG stream, checked for internal consistency.</summary>
internal sealed class JpegFrameHeader
{
    public required byte SofMarker { get; init; }
    public required int Precision { get; init; }
    public required int Height { get; init; }
    public required int Width { get; init; }
    public required JpegComponentSpec[] Components { get; init; }

    public int MaxH { get; private init; }
    public int MaxV { get; private init; }

    public bool IsLossless => SofMarker == JpegMarkers.Sof3;

    /// <summary>Parses an SOF payload; <paramref name="offset"/> is where the payload starts in the frame.</summary>
    public static JpegFrameHeader Parse(byte marker, ReadOnlySpan<byte> p, int offset)
    {
        if (p.Length < 6) throw JpegMarkerReader.Error($"{JpegMarkers.Name(marker)} segment too short ({p.Length} bytes)", offset);
        int precision = p[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(p.Slice(1));
        int width = BinaryPrimitives.ReadUInt16BigEndian(p.Slice(3));
        int nf = p[5];
        if (nf == 0 || nf > 4) throw JpegMarkerReader.Error($"{JpegMarkers.Name(marker)} declares {nf} components (1-4 allowed)", offset + 5);
        if (p.Length < 6 + 3 * nf) throw JpegMarkerReader.Error($"{JpegMarkers.Name(marker)} segment too short for {nf} components", offset);
        bool lossless = marker == JpegMarkers.Sof3;
        if (lossless ? precision is < 2 or > 16 : precision is not (8 or 12))
            throw JpegMarkerReader.Error($"{JpegMarkers.Name(marker)} precision {precision} is not valid for this process", offset);
        if (width == 0) throw JpegMarkerReader.Error("frame width is 0", offset + 3);
        if (height == 0) throw JpegMarkerReader.Error("frame height 0 (DNL-defined height) is not supported", offset + 1);
        var comps = new JpegComponentSpec[nf];
        int maxH = 1, maxV = 1;
        for (int i = 0; i < nf; i++)
        {
            int b = 6 + 3 * i;
            int h = p[b + 1] >> 4, v = p[b + 1] & 15, tq = p[b + 2];
            if (h is < 1 or > 4 || v is < 1 or > 4)
                throw JpegMarkerReader.Error($"component {p[b]} has invalid sampling factors {h}x{v}", offset + b + 1);
            for (int j = 0; j < i; j++)
                if (comps[j].Id == p[b]) throw JpegMarkerReader.Error($"component identifier {p[b]} is repeated", offset + b);
            comps[i] = new JpegComponentSpec(p[b], h, v, tq);
            maxH = Math.Max(maxH, h);
            maxV = Math.Max(maxV, v);
        }
        return new JpegFrameHeader { SofMarker = marker, Precision = precision, Height = height, Width = width, Components = comps, MaxH = maxH, MaxV = maxV };
    }

    /// <summary>Throws when the frame disagrees with the data set's Rows, Columns, Samples per Pixel or Bits Allocated.</summary>
    public void EnsureMatches(FrameLayout layout)
    {
        if (Width != layout.Columns || Height != layout.Rows)
            throw new PixelDataException($"JPEG frame is {Width}x{Height} (columns x rows) but the data set says {layout.Columns}x{layout.Rows}");
        if (Components.Length != layout.SamplesPerPixel)
            throw new PixelDataException($"JPEG frame has {Components.Length} components but Samples per Pixel is {layout.SamplesPerPixel}");
        if (Precision > layout.BitsAllocated)
            throw new PixelDataException($"JPEG precision {Precision} does not fit Bits Allocated {layout.BitsAllocated}");
    }
}

/// <summary>What precedes the first scan of a JPEG stream: frame header, restart interval, colour markers.</summary>
internal sealed class JpegStreamInfo
{
    public required JpegFrameHeader Frame { get; init; }
    public bool HasJfif { get; init; }
    /// <summary>Adobe APP14 colour transform flag (0 none/RGB, 1 YCbCr, 2 YCCK), or -1 when absent.</summary>
    public int AdobeTransform { get; init; } = -1;
    public int RestartInterval { get; init; }

    // T.81 B.2.4.1: a DCT scan's components need their quantisation tables defined before it. Checked here because
    // the progressive path (JpegLibrary) fails on a missing table with a NullReferenceException.
    private static void CheckQuantTables(JpegFrameHeader frame, ReadOnlySpan<byte> sos, int defined, int at)
    {
        int ns = sos.Length > 0 ? sos[0] : 0;
        for (int k = 0; k < ns && 2 + 2 * k <= sos.Length; k++)
        {
            byte id = sos[1 + 2 * k];
            foreach (var c in frame.Components)
                if (c.Id == id && (defined & (1 << c.Tq)) == 0)
                    throw JpegMarkerReader.Error($"JPEG component {id} uses quantisation table {c.Tq}, which no DQT before the first scan defines", at);
        }
    }

    /// <summary>Reads markers from SOI up to the first SOS (not included).</summary>
    public static JpegStreamInfo Read(ReadOnlySpan<byte> data)
    {
        var r = new JpegMarkerReader(data);
        r.ReadSoi();
        JpegFrameHeader? frame = null;
        bool jfif = false;
        int adobe = -1, restart = 0, quantTables = 0;
        while (true)
        {
            int at = r.Position;
            byte m = r.ReadMarker();
            if (m == JpegMarkers.Sos)
            {
                if (frame is null) throw JpegMarkerReader.Error("SOS before any SOF frame header", at);
                if (!frame.IsLossless) CheckQuantTables(frame, r.ReadSegment(m), quantTables, at);
                return new JpegStreamInfo { Frame = frame, HasJfif = jfif, AdobeTransform = adobe, RestartInterval = restart };
            }
            if (m == JpegMarkers.Eoi) throw JpegMarkerReader.Error("EOI before the first scan", at);
            if (m == JpegMarkers.Soi || JpegMarkers.IsRst(m)) throw JpegMarkerReader.Error($"unexpected {JpegMarkers.Name(m)} before the first scan", at);
            int payloadAt = r.Position + 2;
            var seg = r.ReadSegment(m);
            if (JpegMarkers.IsSof(m))
            {
                if (frame is not null) throw JpegMarkerReader.Error("second SOF frame header", at);
                frame = JpegFrameHeader.Parse(m, seg, payloadAt);
            }
            else if (m == JpegMarkers.App0 && seg.Length >= 5 && seg[..5].SequenceEqual("JFIF\0"u8)) jfif = true;
            else if (m == JpegMarkers.App14 && seg.Length >= 12 && seg[..5].SequenceEqual("Adobe"u8)) adobe = seg[11];
            else if (m == JpegMarkers.Dqt)
            {
                // Pq/Tq, then 64 entries of 1 (Pq 0) or 2 bytes each (T.81 B.2.4.1).
                for (int k = 0; k < seg.Length; k += 1 + ((seg[k] >> 4) == 0 ? 64 : 128))
                    quantTables |= 1 << (seg[k] & 0x0F);
            }
            else if (m == JpegMarkers.Dri)
            {
                if (seg.Length != 2) throw JpegMarkerReader.Error("DRI segment length is not 4", at);
                restart = BinaryPrimitives.ReadUInt16BigEndian(seg);
            }
        }
    }
}
