using System.Buffers.Binary;

namespace PixelGen.Codecs.Jpeg2000;

/// <summary>One component of the SIZ marker: precision in bits, signedness and sub-sampling.</summary>
internal readonly record struct Jpeg2000Component(int Precision, bool IsSigned, int DX, int DY);

/// <summary>
/// What the main header of a JPEG 2000 codestream (ISO/IEC 15444-1 A.5) says, read in managed code so that
/// nothing malformed reaches the native decoder: image and tile geometry, components, transform.
/// </summary>
internal sealed record Jpeg2000Header(
    bool IsJp2, int CodestreamOffset, int CodestreamLength, int Width, int Height, Jpeg2000Component[] Components,
    bool IsHighThroughput, bool MultipleComponentTransform, bool Reversible, int DecompositionLevels,
    int FirstTilePart, int CodingStyle)
{
    private static ReadOnlySpan<byte> Jp2Signature => [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A];

    /// <summary>Parses and checks the header of a raw codestream (FF 4F) or of the codestream inside a JP2 file.</summary>
    public static Jpeg2000Header Parse(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(Jp2Signature))
        {
            var (offset, length) = FindCodestreamBox(data);
            var inner = Parse(data.Slice(offset, length), isJp2: true, offset);
            return inner;
        }
        return Parse(data, isJp2: false, 0);
    }

    /// <summary>Walks the JP2 boxes (ISO/IEC 15444-1 I.4) to the contiguous codestream box <c>jp2c</c>.</summary>
    private static (int Offset, int Length) FindCodestreamBox(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        while (pos + 8 <= data.Length)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            uint type = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 4)..]);
            int header = 8;
            if (length == 1)
            {
                if (pos + 16 > data.Length) break;
                length = (long)BinaryPrimitives.ReadUInt64BigEndian(data[(pos + 8)..]);
                header = 16;
            }
            else if (length == 0)
            {
                length = data.Length - pos;
            }
            if (length < header || length > data.Length - pos)
                throw Bad($"JP2 box '{BoxName(type)}' has length {length}, beyond the {data.Length - pos} bytes left", pos);
            if (type == 0x6A703263) // 'jp2c'
                return (pos + header, (int)length - header);
            pos += (int)length;
        }
        throw Bad("JP2 file has no contiguous codestream box (jp2c)", pos);
    }

    private static string BoxName(uint type)
        => string.Create(4, type, static (s, t) => { for (int i = 0; i < 4; i++) { char c = (char)((t >> (24 - 8 * i)) & 0xFF); s[i] = c is >= ' ' and <= '~' ? c : '?'; } });

    private static Jpeg2000Header Parse(ReadOnlySpan<byte> cs, bool isJp2, int baseOffset)
    {
        if (cs.Length < 4 || cs[0] != 0xFF || cs[1] != 0x4F)
            throw Bad("JPEG 2000 codestream does not start with SOC (FF 4F)", baseOffset);
        if (cs[2] != 0xFF || cs[3] != 0x51)
            throw Bad("JPEG 2000 SOC is not followed by SIZ (FF 51)", baseOffset + 2);

        int pos = 4;
        var siz = Segment(cs, ref pos, baseOffset);
        if (siz.Length < 36) throw Bad("JPEG 2000 SIZ segment is too short", baseOffset + 4);
        int rsiz = BinaryPrimitives.ReadUInt16BigEndian(siz);
        long xsiz = BinaryPrimitives.ReadUInt32BigEndian(siz[2..]);
        long ysiz = BinaryPrimitives.ReadUInt32BigEndian(siz[6..]);
        long xosiz = BinaryPrimitives.ReadUInt32BigEndian(siz[10..]);
        long yosiz = BinaryPrimitives.ReadUInt32BigEndian(siz[14..]);
        long xtsiz = BinaryPrimitives.ReadUInt32BigEndian(siz[18..]);
        long ytsiz = BinaryPrimitives.ReadUInt32BigEndian(siz[22..]);
        long xtosiz = BinaryPrimitives.ReadUInt32BigEndian(siz[26..]);
        long ytosiz = BinaryPrimitives.ReadUInt32BigEndian(siz[30..]);
        int csiz = BinaryPrimitives.ReadUInt16BigEndian(siz[34..]);

        if (xsiz <= xosiz || ysiz <= yosiz)
            throw Bad($"JPEG 2000 SIZ image area is empty (Xsiz {xsiz}, XOsiz {xosiz}, Ysiz {ysiz}, YOsiz {yosiz})", baseOffset + 4);
        long width = xsiz - xosiz, height = ysiz - yosiz;
        if (width > int.MaxValue || height > int.MaxValue)
            throw Bad($"JPEG 2000 image size {width}x{height} is too large", baseOffset + 4);
        if (xtsiz == 0 || ytsiz == 0 || xtosiz > xosiz || ytosiz > yosiz || xtosiz + xtsiz <= xosiz || ytosiz + ytsiz <= yosiz)
            throw Bad($"JPEG 2000 SIZ tile geometry is invalid (tile {xtsiz}x{ytsiz} at {xtosiz},{ytosiz})", baseOffset + 4);
        long tiles = ((xsiz - xtosiz + xtsiz - 1) / xtsiz) * ((ysiz - ytosiz + ytsiz - 1) / ytsiz);
        if (tiles > 65535)
            throw Bad($"JPEG 2000 codestream declares {tiles} tiles (at most 65535 are allowed)", baseOffset + 4);
        if (csiz < 1 || csiz > 16384 || siz.Length != 36 + 3 * csiz)
            throw Bad($"JPEG 2000 SIZ segment length does not match its {csiz} components", baseOffset + 4);

        var components = new Jpeg2000Component[csiz];
        for (int i = 0; i < csiz; i++)
        {
            int ssiz = siz[36 + 3 * i];
            int precision = (ssiz & 0x7F) + 1;
            int dx = siz[37 + 3 * i], dy = siz[38 + 3 * i];
            if (precision > 38) throw Bad($"JPEG 2000 component {i} precision {precision} exceeds 38 bits", baseOffset + 4);
            if (dx == 0 || dy == 0) throw Bad($"JPEG 2000 component {i} has a zero sub-sampling factor", baseOffset + 4);
            components[i] = new Jpeg2000Component(precision, (ssiz & 0x80) != 0, dx, dy);
        }

        // The rest of the main header up to the first tile-part: every segment must fit, COD and QCD must be there.
        bool ht = (rsiz & 0x4000) != 0, haveCod = false, haveQcd = false, mct = false, reversible = false;
        int levels = 0, scod = 0;
        while (true)
        {
            if (pos + 2 > cs.Length) throw Bad("JPEG 2000 main header is truncated (no SOT marker)", baseOffset + pos);
            if (cs[pos] != 0xFF) throw Bad($"JPEG 2000 main header: marker expected, found 0x{cs[pos]:X2}", baseOffset + pos);
            byte marker = cs[pos + 1];
            if (marker == 0x90) break; // SOT
            int at = pos;
            pos += 2;
            var body = Segment(cs, ref pos, baseOffset);
            switch (marker)
            {
                case 0x52: // COD
                    if (body.Length < 10) throw Bad("JPEG 2000 COD segment is too short", baseOffset + at);
                    scod = body[0];
                    mct = body[4] != 0;
                    levels = body[5];
                    int xcb = (body[6] & 0xF) + 2, ycb = (body[7] & 0xF) + 2;
                    if (levels > 32 || xcb > 10 || ycb > 10 || xcb + ycb > 12 || body[9] > 1)
                        throw Bad($"JPEG 2000 COD values are invalid (levels {levels}, code-block 2^{xcb}x2^{ycb}, transform {body[9]})", baseOffset + at);
                    reversible = body[9] == 1;
                    haveCod = true;
                    break;
                case 0x5C: // QCD
                    haveQcd = true;
                    break;
                case 0x50: // CAP (HTJ2K and other Part 2/15 capabilities)
                    ht |= body.Length >= 4 && (BinaryPrimitives.ReadUInt32BigEndian(body) & 0x00020000) != 0;
                    break;
            }
        }
        if (!haveCod || !haveQcd) throw Bad("JPEG 2000 main header lacks a COD or QCD marker", baseOffset + pos);
        return new Jpeg2000Header(isJp2, baseOffset, cs.Length, (int)width, (int)height, components, ht, mct, reversible, levels, pos, scod);
    }

    private static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> cs, ref int pos, int baseOffset)
    {
        if (pos + 2 > cs.Length) throw Bad("JPEG 2000 marker segment is truncated", baseOffset + pos);
        int length = BinaryPrimitives.ReadUInt16BigEndian(cs[pos..]);
        if (length < 2 || pos + length > cs.Length)
            throw Bad($"JPEG 2000 marker segment length {length} exceeds the {cs.Length - pos} bytes left", baseOffset + pos);
        var body = cs.Slice(pos + 2, length - 2);
        pos += length;
        return body;
    }

    /// <summary>
    /// Walks the tile-parts (SOT, tile-part header, SOD, coded data) and rejects coded data holding a byte pair
    /// above 0xFF8F other than the SOP and EPH markers the coding style allows: ISO/IEC 15444-1 (bit stuffing in
    /// packet headers, the MQ coder) and 15444-15 (the HT MagSgn, MEL and VLC streams) never produce one. OpenJPEG
    /// 2.5.0, as Debian 12 ships it (assertions on), aborts the whole process on such HT data (ht_dec.c mel_init),
    /// so HT codestreams are checked here before it sees them.
    /// </summary>
    public void CheckCodedData(ReadOnlySpan<byte> data)
    {
        var cs = data.Slice(CodestreamOffset, CodestreamLength);
        int pos = FirstTilePart, scod = CodingStyle;
        while (pos + 2 <= cs.Length)
        {
            if (cs[pos] != 0xFF) throw Bad($"JPEG 2000: marker expected between tile-parts, found 0x{cs[pos]:X2}", CodestreamOffset + pos);
            if (cs[pos + 1] == 0xD9) return; // EOC
            if (cs[pos + 1] != 0x90) throw Bad($"JPEG 2000: SOT expected, found marker FF{cs[pos + 1]:X2}", CodestreamOffset + pos);
            int start = pos;
            pos += 2;
            var sot = Segment(cs, ref pos, CodestreamOffset);
            if (sot.Length != 8) throw Bad("JPEG 2000 SOT segment has the wrong length", CodestreamOffset + start);
            long psot = BinaryPrimitives.ReadUInt32BigEndian(sot[2..]);
            // Psot 0: the last tile-part, running to EOC (EndsWithEoc has checked the codestream ends with one).
            long end = psot == 0 ? cs.LastIndexOf([(byte)0xFF, (byte)0xD9]) : start + psot;
            if (end < pos || end > cs.Length) throw Bad($"JPEG 2000 tile-part length {psot} does not fit the codestream", CodestreamOffset + start);
            while (true)
            {
                if (pos + 2 > end || cs[pos] != 0xFF) throw Bad("JPEG 2000 tile-part header does not end with SOD", CodestreamOffset + pos);
                byte marker = cs[pos + 1];
                pos += 2;
                if (marker == 0x93) break; // SOD
                int at = pos - 2;
                var body = Segment(cs, ref pos, CodestreamOffset);
                if (pos > end) throw Bad("JPEG 2000 tile-part header segment runs past the tile-part", CodestreamOffset + at);
                if (marker == 0x52 && body.Length > 0) scod |= body[0];
            }
            bool sop = (scod & 0x02) != 0, eph = (scod & 0x04) != 0;
            var coded = cs[pos..(int)end];
            for (int i = coded.IndexOf((byte)0xFF); i >= 0 && i + 1 < coded.Length; )
            {
                byte next = coded[i + 1];
                int skip = 1;
                if (next > 0x8F)
                {
                    if (next == 0x91 && sop && i + 6 <= coded.Length && coded[i + 2] == 0 && coded[i + 3] == 4) skip = 6;
                    else if (next == 0x92 && eph) skip = 2;
                    else throw Bad($"JPEG 2000 coded data holds FF{next:X2}, which no valid packet contains", CodestreamOffset + pos + i);
                }
                int rest = coded[(i + skip)..].IndexOf((byte)0xFF);
                i = rest < 0 ? -1 : i + skip + rest;
            }
            pos = (int)end;
        }
    }

    /// <summary>True when the codestream ends with EOC (FF D9), allowing up to 3 bytes of padding after it.</summary>
    public static bool EndsWithEoc(ReadOnlySpan<byte> codestream)
    {
        var tail = codestream[Math.Max(0, codestream.Length - 5)..];
        return tail.IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
    }

    private static PixelDataException Bad(string message, int offset) => new(message, null, offset);
}
