using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// PixelGen's own sequential DCT decoder (baseline SOF0 and extended SOF1, 8- and 12-bit, Huffman coded): DQT, DHT,
/// DRI, one interleaved scan or one scan per component, restart intervals; each block is Huffman decoded with
/// combined code + extra-bit lookups, dequantised and inverse transformed with <see cref="JpegIslowIdct"/> straight
/// into the component planes of a <see cref="JpegComponentCollector"/>. Every failure is a
/// <see cref="PixelDataException"/> with the byte offset.
/// </summary>
internal static class JpegSequentialDecoder
{
    /// <summary>Zigzag index → natural index, padded (like libjpeg) so that a corrupt run past 63 lands on 63.</summary>
    private static ReadOnlySpan<byte> NaturalOrder =>
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
        63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63,
    ];

    [ThreadStatic] private static JpegHuffmanTable[]? t_tables;

    /// <summary>Decodes every scan of a SOF0/SOF1 stream into <paramref name="planes"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> data, JpegFrameHeader frame, JpegComponentCollector planes)
    {
        int n = frame.Components.Length;
        Span<int> quant = stackalloc int[4 * 64];   // natural order
        Span<bool> quantDefined = stackalloc bool[4];
        Span<bool> done = stackalloc bool[4];
        var dcTables = new JpegHuffmanTable?[4];
        var acTables = new JpegHuffmanTable?[4];
        int restartInterval = 0;
        bool sofSeen = false;

        var reader = new JpegMarkerReader(data);
        reader.ReadSoi();
        while (true)
        {
            if (sofSeen && reader.Position >= data.Length && AllDone(done, n)) return; // tolerate a missing EOI
            int at = reader.Position;
            byte m = reader.ReadMarker();
            if (m == JpegMarkers.Eoi)
            {
                if (!AllDone(done, n)) throw JpegMarkerReader.Error("EOI before every component was decoded (truncated stream)", at);
                return;
            }
            if (m == JpegMarkers.Sos)
            {
                if (!sofSeen) throw JpegMarkerReader.Error("SOS before the frame header", at);
                int payloadAt = reader.Position + 2;
                var header = reader.ReadSegment(m);
                reader.Position = DecodeScan(data, reader.Position, header, payloadAt, frame, planes, quant, quantDefined, done,
                    dcTables, acTables, restartInterval);
                continue;
            }
            if (m == JpegMarkers.Soi || JpegMarkers.IsRst(m)) throw JpegMarkerReader.Error($"unexpected {JpegMarkers.Name(m)} marker", at);
            int segAt = reader.Position + 2;
            var seg = reader.ReadSegment(m);
            if (JpegMarkers.IsSof(m))
            {
                if (sofSeen) throw JpegMarkerReader.Error("second SOF frame header", at);
                sofSeen = true; // already parsed and checked by JpegStreamInfo
            }
            else if (m == JpegMarkers.Dqt) ReadDqt(seg, segAt, quant, quantDefined);
            else if (m == JpegMarkers.Dht) ReadDht(seg, segAt, dcTables, acTables);
            else if (m == JpegMarkers.Dri)
            {
                if (seg.Length != 2) throw JpegMarkerReader.Error("DRI segment length is not 4", at);
                restartInterval = BinaryPrimitives.ReadUInt16BigEndian(seg);
            }
            else if (m == JpegMarkers.Dnl) throw JpegMarkerReader.Error("DNL (height defined after the scan) is not supported", at);
            else if (m == JpegMarkers.Dac) throw JpegMarkerReader.Error("arithmetic coding (DAC) is not supported", at);
        }
    }

    private static bool AllDone(Span<bool> done, int n)
    {
        for (int i = 0; i < n; i++) if (!done[i]) return false;
        return true;
    }

    private static void ReadDqt(ReadOnlySpan<byte> seg, int offset, Span<int> quant, Span<bool> defined)
    {
        var natural = NaturalOrder;
        int p = 0;
        while (p < seg.Length)
        {
            int pq = seg[p] >> 4, tq = seg[p] & 15;
            if (pq > 1 || tq > 3) throw JpegMarkerReader.Error($"DQT precision {pq} / destination {tq} is invalid", offset + p);
            int size = pq == 0 ? 64 : 128;
            if (p + 1 + size > seg.Length) throw JpegMarkerReader.Error("DQT table runs past its segment", offset + p);
            var q = quant.Slice(tq * 64, 64);
            for (int k = 0; k < 64; k++)
                q[natural[k]] = pq == 0 ? seg[p + 1 + k] : BinaryPrimitives.ReadUInt16BigEndian(seg.Slice(p + 1 + 2 * k));
            defined[tq] = true;
            p += 1 + size;
        }
    }

    private static void ReadDht(ReadOnlySpan<byte> seg, int offset, JpegHuffmanTable?[] dc, JpegHuffmanTable?[] ac)
    {
        int p = 0;
        while (p < seg.Length)
        {
            int tc = seg[p] >> 4, th = seg[p] & 15;
            if (tc > 1 || th > 3) throw JpegMarkerReader.Error($"DHT table class {tc} / destination {th} is invalid", offset + p);
            // Table objects are reused per thread: a frame allocates no Huffman tables.
            var cache = t_tables ??= new JpegHuffmanTable[8];
            var table = cache[tc * 4 + th] ??= new JpegHuffmanTable(dct: true);
            (tc == 0 ? dc : ac)[th] = null;
            table.Load(seg.Slice(p + 1), offset + p + 1, out int used);
            (tc == 0 ? dc : ac)[th] = table;
            p += 1 + used;
        }
    }

    /// <summary>Decodes one scan; returns the offset of the marker that follows it.</summary>
    private static int DecodeScan(ReadOnlySpan<byte> data, int entropyStart, ReadOnlySpan<byte> sos, int sosAt,
        JpegFrameHeader frame, JpegComponentCollector planes, Span<int> quant, Span<bool> quantDefined, Span<bool> done,
        JpegHuffmanTable?[] dcTables, JpegHuffmanTable?[] acTables, int restartInterval)
    {
        if (sos.Length < 1) throw JpegMarkerReader.Error("SOS segment is empty", sosAt);
        int ns = sos[0];
        if (ns < 1 || ns > frame.Components.Length || sos.Length != 4 + 2 * ns)
            throw JpegMarkerReader.Error($"SOS declares {ns} components in a {sos.Length + 2}-byte segment", sosAt);
        Span<int> comp = stackalloc int[4];
        var dc = new JpegHuffmanTable[ns];
        var ac = new JpegHuffmanTable[ns];
        Span<int> scanQuant = stackalloc int[4 * 64];
        for (int i = 0; i < ns; i++)
        {
            byte id = sos[1 + 2 * i];
            int k = -1;
            for (int j = 0; j < frame.Components.Length; j++) if (frame.Components[j].Id == id) k = j;
            if (k < 0) throw JpegMarkerReader.Error($"scan names component {id}, which the frame does not have", sosAt + 1 + 2 * i);
            if (done[k] || comp[..i].Contains(k)) throw JpegMarkerReader.Error($"component {id} is coded twice", sosAt + 1 + 2 * i);
            comp[i] = k;
            int td = sos[2 + 2 * i] >> 4, ta = sos[2 + 2 * i] & 15;
            dc[i] = (td < 4 ? dcTables[td] : null) ?? throw JpegMarkerReader.Error($"scan uses DC Huffman table {td}, which is not defined", sosAt + 2 + 2 * i);
            ac[i] = (ta < 4 ? acTables[ta] : null) ?? throw JpegMarkerReader.Error($"scan uses AC Huffman table {ta}, which is not defined", sosAt + 2 + 2 * i);
            int tq = frame.Components[k].Tq;
            if (tq > 3 || !quantDefined[tq]) throw JpegMarkerReader.Error($"component {id} uses quantisation table {tq}, which is not defined", sosAt + 1 + 2 * i);
            quant.Slice(tq * 64, 64).CopyTo(scanQuant.Slice(i * 64, 64)); // latched at the scan, as libjpeg does
        }
        int ss = sos[1 + 2 * ns], se = sos[2 + 2 * ns], ahal = sos[3 + 2 * ns];
        if (ss != 0 || se != 63 || ahal != 0)
            throw JpegMarkerReader.Error($"sequential scan has spectral selection {ss}..{se} / approximation {ahal:X2} (expected 0..63 / 00)", sosAt + 1 + 2 * ns);
        if (ns > 1)
        {
            int blocks = 0;
            for (int i = 0; i < ns; i++) blocks += frame.Components[comp[i]].H * frame.Components[comp[i]].V;
            if (blocks > 10) throw JpegMarkerReader.Error($"interleaved scan has {blocks} blocks per MCU (10 allowed)", sosAt);
        }

        var bits = new JpegBitReader(data, entropyStart);
        Span<int> preds = stackalloc int[4];
        Span<int> block = stackalloc int[64];
        Span<int> workspace = stackalloc int[64];
        block.Clear();
        int nextRst = 0, mcusLeft = restartInterval;

        if (ns == 1)
        {
            int c = comp[0];
            int wBlocks = (planes.Width[c] + 7) >> 3, hBlocks = (planes.Height[c] + 7) >> 3;
            var plane = planes.WritablePlane(c);
            int stride = planes.Stride(c);
            var q = scanQuant[..64];
            for (int by = 0; by < hBlocks; by++)
            {
                for (int bx = 0; bx < wBlocks; bx++)
                {
                    if (restartInterval > 0)
                    {
                        if (mcusLeft == 0) { Restart(ref bits, data, ref nextRst, preds); mcusLeft = restartInterval; }
                        mcusLeft--;
                    }
                    DecodeBlock(ref bits, dc[0], ac[0], q, block, ref preds[0], 15);
                    JpegIslowIdct.Transform(block, workspace, plane.Slice(by * 8 * stride + bx * 8), stride, frame.Precision);
                    block.Clear();
                }
                if (bits.Overrun) throw Truncated(bits);
            }
        }
        else
        {
            int mcuCols = (frame.Width + 8 * frame.MaxH - 1) / (8 * frame.MaxH);
            int mcuRows = (frame.Height + 8 * frame.MaxV - 1) / (8 * frame.MaxV);
            for (int my = 0; my < mcuRows; my++)
            {
                for (int mx = 0; mx < mcuCols; mx++)
                {
                    if (restartInterval > 0)
                    {
                        if (mcusLeft == 0) { Restart(ref bits, data, ref nextRst, preds); mcusLeft = restartInterval; }
                        mcusLeft--;
                    }
                    for (int i = 0; i < ns; i++)
                    {
                        int c = comp[i];
                        var spec = frame.Components[c];
                        var plane = planes.WritablePlane(c);
                        int stride = planes.Stride(c);
                        var q = scanQuant.Slice(i * 64, 64);
                        for (int v = 0; v < spec.V; v++)
                        {
                            for (int h = 0; h < spec.H; h++)
                            {
                                DecodeBlock(ref bits, dc[i], ac[i], q, block, ref preds[i], 15);
                                int y0 = (my * spec.V + v) * 8, x0 = (mx * spec.H + h) * 8;
                                JpegIslowIdct.Transform(block, workspace, plane.Slice(y0 * stride + x0), stride, frame.Precision);
                                block.Clear();
                            }
                        }
                    }
                }
                if (bits.Overrun) throw Truncated(bits);
            }
        }
        if (bits.Overrun) throw Truncated(bits);
        for (int i = 0; i < ns; i++) done[comp[i]] = true;
        return bits.FindNextMarker();
    }

    /// <summary>
    /// Decodes one block's coefficients (T.81 F.2.2), dequantised into <paramref name="block"/> (natural order, which
    /// must be zero on entry). Coefficients are truncated to 16 bits before dequantisation, as libjpeg's JCOEF.
    /// The bit window lives in locals and is refilled only below 32 bits (a code and its extra bits take at most 31).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DecodeBlock(ref JpegBitReader bits, JpegHuffmanTable dcTable, JpegHuffmanTable acTable,
        scoped ReadOnlySpan<int> q, scoped Span<int> block, ref int pred, int maxSize)
    {
        _ = q[63];
        _ = block[63];
        ref int qr = ref MemoryMarshal.GetReference(q);
        ref int blk = ref MemoryMarshal.GetReference(block);
        ref byte natural = ref MemoryMarshal.GetReference(NaturalOrder); // 80 entries: k never exceeds 63 + 15
        ref int fast = ref MemoryArrayRef(acTable.AcLookup);             // 2^LookupBits entries
        ref ushort acLookup = ref MemoryArrayRef(acTable.Lookup);
        const int lookupShift = 64 - JpegHuffmanTable.LookupBits;

        bits.Fill();
        ulong w = bits.Window;
        int n = bits.BitCount;

        int e = dcTable.Lookup[(int)(w >> lookupShift)];
        if (e == 0) e = SlowSymbol(dcTable, w, ref bits);
        int len = e >> 8, s = e & 0xFF;
        w <<= len; n -= len;
        if (s > maxSize) throw JpegMarkerReader.Error($"DC difference category {s} is too large", bits.Position);
        if (s != 0)
        {
            pred += Extend((int)(w >> (64 - s)), s);
            w <<= s; n -= s;
        }
        blk = (short)pred * qr;

        for (int k = 1; k < 64; k++)
        {
            if (n < 32)
            {
                bits.Window = w; bits.BitCount = n;
                bits.Fill();
                w = bits.Window; n = bits.BitCount;
            }
            e = Unsafe.Add(ref fast, (int)(w >> lookupShift));
            if (e != 0)
            {
                len = e & 0xFF;
                w <<= len; n -= len;
                k += (e >> 8) & 0xFF;
                int pos = Unsafe.Add(ref natural, k);
                Unsafe.Add(ref blk, pos) = (e >> 16) * Unsafe.Add(ref qr, pos);
                continue;
            }
            e = Unsafe.Add(ref acLookup, (int)(w >> lookupShift));
            if (e == 0) e = SlowSymbol(acTable, w, ref bits);
            len = e >> 8;
            w <<= len; n -= len;
            int r = (e >> 4) & 15;
            s = e & 15;
            if (s == 0)
            {
                if (r != 15) break; // EOB
                k += 15;             // ZRL: sixteen zeros (the loop adds the 16th)
                continue;
            }
            k += r;
            int v = Extend((int)(w >> (64 - s)), s);
            w <<= s; n -= s;
            int p = Unsafe.Add(ref natural, k);
            Unsafe.Add(ref blk, p) = (short)v * Unsafe.Add(ref qr, p);
        }
        bits.Window = w; bits.BitCount = n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T MemoryArrayRef<T>(T[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SlowSymbol(JpegHuffmanTable table, ulong window, ref JpegBitReader bits)
    {
        int e = table.DecodeSlow(window);
        if (e < 0) throw JpegMarkerReader.Error("invalid Huffman code in the entropy-coded data", bits.Position);
        return e;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Extend(int v, int s) => v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;

    private static PixelDataException Truncated(in JpegBitReader bits)
        => JpegMarkerReader.Error("entropy-coded data ends (or reaches a marker) before the scan is complete: truncated stream", bits.Position);

    private static void Restart(ref JpegBitReader bits, ReadOnlySpan<byte> data, ref int nextRst, scoped Span<int> preds)
    {
        if (bits.Overrun) throw Truncated(bits);
        int p = bits.FindNextMarker();
        if (p + 1 >= data.Length) throw JpegMarkerReader.Error("stream ends where a restart marker (RSTn) was expected", p);
        byte m = data[p + 1];
        if (m - JpegMarkers.Rst0 != nextRst) throw JpegMarkerReader.Error($"expected RST{nextRst}, found {JpegMarkers.Name(m)}", p);
        nextRst = (nextRst + 1) & 7;
        preds.Clear();
        bits.Reset(p + 2);
    }
}
