using System.Buffers;
using System.Buffers.Binary;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// Managed decoder for JPEG Lossless, Non-Hierarchical (process 14): transfer syntaxes 1.2.840.10008.1.2.4.57
/// (any predictor) and 1.2.840.10008.1.2.4.70 (selection value 1). Handles the seven predictors, point transform,
/// restart intervals, 2–16-bit precision, SSSS = 16, 1–4 components in interleaved or separate scans.
/// Output follows the decoding contract: values above High Bit dropped, signed values sign-extended.
/// A stream that turns out to be DCT-based (SOF0/1/2, a mislabelled transfer syntax) is handed to
/// <see cref="JpegBaselineDecoder"/>.
/// </summary>
public sealed class JpegLosslessDecoder : IFrameDecoder
{
    /// <summary>The shared instance (the decoder holds no state between calls).</summary>
    public static JpegLosslessDecoder Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "JPEG Lossless process 14 (PixelGen managed)";

    /// <inheritdoc />
    public bool IsGenerated => false;

    /// <inheritdoc />
    public bool CanDecode(FrameLayout layout)
        => layout.Kind == PixelDataKind.Integer && layout.BitsAllocated is 8 or 16 && layout.SamplesPerPixel is >= 1 and <= 4;

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.EnsureValid();
        if (!CanDecode(layout)) throw new PixelDataException($"JPEG lossless cannot produce {layout}");
        if (destination.Length < layout.DecodedFrameLength)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; the frame needs {layout.DecodedFrameLength}", nameof(destination));

        var reader = new JpegMarkerReader(source);
        reader.ReadSoi();
        var dcTables = new JpegHuffmanTable?[4];
        JpegFrameHeader? frame = null;
        ComponentState[]? states = null;
        int restartInterval = 0;
        var writer = new JpegSampleWriter(layout);
        try
        {
            while (true)
            {
                if (frame is not null && reader.Position >= source.Length && AllDone(states!)) return; // tolerate a missing EOI
                int at = reader.Position;
                byte m = reader.ReadMarker();
                if (m == JpegMarkers.Eoi)
                {
                    if (states is null || !AllDone(states)) throw JpegMarkerReader.Error("EOI before every component was decoded", at);
                    return;
                }
                if (m == JpegMarkers.Sos)
                {
                    if (frame is null) throw JpegMarkerReader.Error("SOS before the SOF3 frame header", at);
                    int payloadAt = reader.Position + 2;
                    var header = reader.ReadSegment(m);
                    reader.Position = DecodeScan(source, reader.Position, header, payloadAt, frame, states!, dcTables, restartInterval, destination, writer);
                    continue;
                }
                if (m == JpegMarkers.Soi || JpegMarkers.IsRst(m)) throw JpegMarkerReader.Error($"unexpected {JpegMarkers.Name(m)} marker", at);
                int segAt = reader.Position + 2;
                var seg = reader.ReadSegment(m);
                if (JpegMarkers.IsSof(m))
                {
                    if (frame is not null) throw JpegMarkerReader.Error("second SOF frame header", at);
                    if (m is JpegMarkers.Sof0 or JpegMarkers.Sof1 or JpegMarkers.Sof2)
                    {
                        // The transfer syntax says lossless but the stream is DCT-based: decode what is there.
                        JpegBaselineDecoder.Instance.Decode(source, destination, layout);
                        return;
                    }
                    if (m != JpegMarkers.Sof3) throw JpegMarkerReader.Error($"{JpegMarkers.Name(m)} (arithmetic or hierarchical JPEG) is not supported", at);
                    frame = JpegFrameHeader.Parse(m, seg, segAt);
                    frame.EnsureMatches(layout);
                    if (frame.MaxH != 1 || frame.MaxV != 1) throw JpegMarkerReader.Error("subsampled components in a lossless frame are not supported", segAt + 6);
                    states = new ComponentState[frame.Components.Length];
                    for (int i = 0; i < states.Length; i++) states[i] = new ComponentState();
                }
                else if (m == JpegMarkers.Dht) ReadDht(seg, segAt, dcTables);
                else if (m == JpegMarkers.Dri)
                {
                    if (seg.Length != 2) throw JpegMarkerReader.Error("DRI segment length is not 4", at);
                    restartInterval = BinaryPrimitives.ReadUInt16BigEndian(seg);
                }
                else if (m == JpegMarkers.Dnl) throw JpegMarkerReader.Error("DNL (height defined after the scan) is not supported", at);
                else if (m == JpegMarkers.Dac) throw JpegMarkerReader.Error("arithmetic coding (DAC) is not supported", at);
                // DQT, APPn, COM and reserved segments carry nothing for process 14.
            }
        }
        finally
        {
            if (states is not null)
                foreach (var s in states) s.Return();
        }
    }

    private static bool AllDone(ComponentState[] states)
    {
        foreach (var s in states) if (!s.Done) return false;
        return true;
    }

    private static void ReadDht(ReadOnlySpan<byte> seg, int offset, JpegHuffmanTable?[] dcTables)
    {
        int p = 0;
        while (p < seg.Length)
        {
            int tc = seg[p] >> 4, th = seg[p] & 15;
            if (tc > 1 || th > 3) throw JpegMarkerReader.Error($"DHT table class {tc} / destination {th} is invalid", offset + p);
            var table = JpegHuffmanTable.Parse(seg.Slice(p + 1), offset + p + 1, out int used);
            if (tc == 0) dcTables[th] = table; // class 1 (AC) tables are meaningless in process 14
            p += 1 + used;
        }
    }

    private sealed class ComponentState
    {
        public int[] Prev = [];
        public int[] Cur = [];
        public bool Done;

        public void Rent(int width)
        {
            if (Cur.Length == 0)
            {
                Prev = ArrayPool<int>.Shared.Rent(width);
                Cur = ArrayPool<int>.Shared.Rent(width);
            }
        }

        public void Swap() => (Prev, Cur) = (Cur, Prev);

        public void Return()
        {
            if (Cur.Length != 0) { ArrayPool<int>.Shared.Return(Cur); ArrayPool<int>.Shared.Return(Prev); }
            Cur = Prev = [];
        }
    }

    /// <summary>Decodes one scan; returns the offset of the marker that follows it.</summary>
    private static int DecodeScan(ReadOnlySpan<byte> data, int entropyStart, ReadOnlySpan<byte> sos, int sosAt,
        JpegFrameHeader frame, ComponentState[] states, JpegHuffmanTable?[] dcTables, int restartInterval,
        Span<byte> destination, JpegSampleWriter writer)
    {
        if (sos.Length < 1) throw JpegMarkerReader.Error("SOS segment is empty", sosAt);
        int ns = sos[0];
        if (ns < 1 || ns > frame.Components.Length || sos.Length != 4 + 2 * ns)
            throw JpegMarkerReader.Error($"SOS declares {ns} components in a {sos.Length + 2}-byte segment", sosAt);
        var compIndex = new int[ns];
        var tables = new JpegHuffmanTable[ns];
        for (int i = 0; i < ns; i++)
        {
            byte id = sos[1 + 2 * i];
            int k = Array.FindIndex(frame.Components, c => c.Id == id);
            if (k < 0) throw JpegMarkerReader.Error($"scan names component {id}, which the frame does not have", sosAt + 1 + 2 * i);
            if (states[k].Done || Array.IndexOf(compIndex, k, 0, i) >= 0)
                throw JpegMarkerReader.Error($"component {id} is coded twice", sosAt + 1 + 2 * i);
            compIndex[i] = k;
            int td = sos[2 + 2 * i] >> 4;
            tables[i] = (td < 4 ? dcTables[td] : null) ?? throw JpegMarkerReader.Error($"scan uses Huffman table {td}, which is not defined (no DHT)", sosAt + 2 + 2 * i);
        }
        int predictor = sos[1 + 2 * ns];
        int pt = sos[3 + 2 * ns] & 15;
        if (predictor is < 1 or > 7) throw JpegMarkerReader.Error($"predictor (selection value) {predictor} is invalid (1-7)", sosAt + 1 + 2 * ns);
        if (pt >= frame.Precision) throw JpegMarkerReader.Error($"point transform {pt} is not below precision {frame.Precision}", sosAt + 3 + 2 * ns);

        int width = frame.Width, height = frame.Height;
        int initial = 1 << (frame.Precision - pt - 1);
        foreach (int k in compIndex) states[k].Rent(width);

        var bits = new JpegBitReader(data, entropyStart);
        int nextRst = 0;
        if (ns == 1 && (restartInterval == 0 || restartInterval % width == 0))
        {
            var st = states[compIndex[0]];
            var table = tables[0];
            int rowsPerInterval = restartInterval / width;
            for (int y = 0; y < height; y++)
            {
                bool first = y == 0;
                if (rowsPerInterval > 0 && y > 0 && y % rowsPerInterval == 0)
                {
                    Restart(ref bits, data, ref nextRst);
                    first = true;
                }
                JpegLosslessPredictor.DecodeRow(ref bits, table, st.Cur.AsSpan(0, width), st.Prev, predictor, first, initial);
                if (bits.Overrun) throw Truncated(bits, y);
                writer.WriteRow(st.Cur, pt, frame.Precision, destination, y, compIndex[0]);
                st.Swap();
            }
        }
        else
        {
            int mcusLeft = restartInterval;
            for (int y = 0; y < height; y++)
            {
                int resetX = y == 0 ? 0 : -1; // from resetX on, this row is the first line of a restart interval
                for (int x = 0; x < width; x++)
                {
                    if (restartInterval > 0)
                    {
                        if (mcusLeft == 0)
                        {
                            Restart(ref bits, data, ref nextRst);
                            mcusLeft = restartInterval;
                            resetX = x;
                        }
                        mcusLeft--;
                    }
                    for (int i = 0; i < ns; i++)
                    {
                        var st = states[compIndex[i]];
                        int[] cur = st.Cur, prev = st.Prev;
                        int px;
                        if (resetX >= 0 && x >= resetX) px = x == resetX ? initial : cur[x - 1];
                        else if (x == 0) px = prev[0];
                        else px = JpegLosslessPredictor.Predict(predictor, cur[x - 1], prev[x], prev[x - 1]);
                        cur[x] = (px + JpegLosslessPredictor.DecodeDifference(ref bits, tables[i])) & 0xFFFF;
                    }
                }
                if (bits.Overrun) throw Truncated(bits, y);
                foreach (int k in compIndex)
                {
                    writer.WriteRow(states[k].Cur, pt, frame.Precision, destination, y, k);
                    states[k].Swap();
                }
            }
        }
        foreach (int k in compIndex) states[k].Done = true;
        return bits.FindNextMarker();
    }

    private static PixelDataException Truncated(in JpegBitReader bits, int row)
        => JpegMarkerReader.Error($"entropy-coded data ends (or reaches a marker) before row {row} is complete: truncated stream", bits.Position);

    private static void Restart(ref JpegBitReader bits, ReadOnlySpan<byte> data, ref int nextRst)
    {
        if (bits.Overrun) throw JpegMarkerReader.Error("entropy-coded data ends before a restart marker", bits.Position);
        int p = bits.FindNextMarker();
        if (p + 1 >= data.Length) throw JpegMarkerReader.Error("stream ends where a restart marker (RSTn) was expected", p);
        byte m = data[p + 1];
        if (!JpegMarkers.IsRst(m)) throw JpegMarkerReader.Error($"expected RST{nextRst}, found {JpegMarkers.Name(m)}", p);
        if (m - JpegMarkers.Rst0 != nextRst) throw JpegMarkerReader.Error($"expected RST{nextRst}, found {JpegMarkers.Name(m)}", p);
        nextRst = (nextRst + 1) & 7;
        bits.Reset(p + 2);
    }
}
