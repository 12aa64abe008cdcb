using System.Buffers.Binary;

namespace PixelGen.Codecs.JpegLs;

/// <summary>SOF55 frame header: precision, dimensions and component identifiers.</summary>
internal sealed record JpegLsFrameHeader(int Precision, int Rows, int Columns, byte[] ComponentIds);

/// <summary>SOS scan header: which components (indices into the frame's list), NEAR and the interleave mode.</summary>
internal sealed record JpegLsScanHeader(int[] ComponentIndices, int Near, int InterleaveMode);

/// <summary>
/// Reads the marker segments of a JPEG-LS stream (T.87 Annex C) with every length and value checked against
/// the bytes available, so a damaged header fails with the offset instead of reading past the frame.
/// </summary>
internal ref struct JpegLsHeaderReader
{
    public const byte SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, DRI = 0xDD, SOF55 = 0xF7, LSE = 0xF8, COM = 0xFE;

    private readonly ReadOnlySpan<byte> _data;

    public JpegLsHeaderReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        Position = 0;
    }

    /// <summary>Offset of the next byte to read.</summary>
    public int Position { get; set; }

    /// <summary>Reads a marker (skipping fill bytes 0xFF) and returns its second byte.</summary>
    public byte ReadMarker()
    {
        if (Position >= _data.Length || _data[Position] != 0xFF)
            throw Corrupt(Position >= _data.Length ? "JPEG-LS stream ends before the next marker" : $"JPEG-LS marker expected, found byte 0x{_data[Position]:X2}");
        while (Position < _data.Length && _data[Position] == 0xFF) Position++;
        if (Position >= _data.Length) throw Corrupt("JPEG-LS stream ends inside a marker");
        return _data[Position++];
    }

    /// <summary>Reads a segment's length field and returns its payload (the bytes after the length).</summary>
    public ReadOnlySpan<byte> ReadSegment(byte marker)
    {
        if (Position + 2 > _data.Length) throw Corrupt($"JPEG-LS marker FF{marker:X2} segment is truncated");
        int length = BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(Position, 2));
        if (length < 2 || Position + length > _data.Length)
            throw Corrupt($"JPEG-LS marker FF{marker:X2} segment length {length} exceeds the {_data.Length - Position} bytes left");
        var payload = _data.Slice(Position + 2, length - 2);
        Position += length;
        return payload;
    }

    public readonly PixelDataException Corrupt(string message) => new(message, null, Position);

    public JpegLsFrameHeader ParseFrameHeader(ReadOnlySpan<byte> s)
    {
        if (s.Length < 6) throw Corrupt("JPEG-LS SOF55 segment is too short");
        int precision = s[0];
        int rows = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
        int columns = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
        int count = s[5];
        if (precision < 2 || precision > 16) throw Corrupt($"JPEG-LS precision {precision} is outside 2..16");
        if (rows == 0 || columns == 0) throw Corrupt($"JPEG-LS frame size {columns}x{rows} is not supported (zero dimension)");
        if (count < 1 || count > 4) throw Corrupt($"JPEG-LS frame has {count} components (1 to 4 are supported)");
        if (s.Length < 6 + 3 * count) throw Corrupt("JPEG-LS SOF55 segment is shorter than its component list");
        var ids = new byte[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = s[6 + 3 * i];
            int sampling = s[7 + 3 * i];
            if (sampling != 0x11) throw Corrupt($"JPEG-LS component {ids[i]} has sampling factors {sampling >> 4}x{sampling & 15}; only 1x1 is supported");
            for (int j = 0; j < i; j++)
                if (ids[j] == ids[i]) throw Corrupt($"JPEG-LS component identifier {ids[i]} appears twice");
        }
        return new JpegLsFrameHeader(precision, rows, columns, ids);
    }

    public JpegLsScanHeader ParseScanHeader(ReadOnlySpan<byte> s, JpegLsFrameHeader frame)
    {
        if (s.Length < 1) throw Corrupt("JPEG-LS SOS segment is empty");
        int count = s[0];
        if (count < 1 || count > frame.ComponentIds.Length) throw Corrupt($"JPEG-LS scan has {count} components, the frame {frame.ComponentIds.Length}");
        if (s.Length < 1 + 2 * count + 3) throw Corrupt("JPEG-LS SOS segment is shorter than its component list");
        var indices = new int[count];
        for (int i = 0; i < count; i++)
        {
            int id = s[1 + 2 * i];
            int index = Array.IndexOf(frame.ComponentIds, (byte)id);
            if (index < 0) throw Corrupt($"JPEG-LS scan names component {id}, which the frame does not declare");
            if (s[2 + 2 * i] != 0) throw Corrupt("JPEG-LS mapping tables (palettised images) are not supported");
            indices[i] = index;
        }
        int near = s[1 + 2 * count];
        int ilv = s[2 + 2 * count];
        int pointTransform = s[3 + 2 * count];
        if (ilv > 2) throw Corrupt($"JPEG-LS interleave mode {ilv} is invalid");
        if (ilv == 0 && count != 1) throw Corrupt($"JPEG-LS interleave mode 0 scan has {count} components");
        if (pointTransform != 0) throw Corrupt($"JPEG-LS point transform {pointTransform} is not supported");
        return new JpegLsScanHeader(indices, near, count == 1 ? 0 : ilv);
    }

    public JpegLsPresetValues ParsePresets(ReadOnlySpan<byte> s)
    {
        if (s.Length < 1) throw Corrupt("JPEG-LS LSE segment is empty");
        switch (s[0])
        {
            case 1:
                if (s.Length < 11) throw Corrupt("JPEG-LS LSE preset parameters segment is too short");
                return new JpegLsPresetValues(
                    BinaryPrimitives.ReadUInt16BigEndian(s[1..]), BinaryPrimitives.ReadUInt16BigEndian(s[3..]),
                    BinaryPrimitives.ReadUInt16BigEndian(s[5..]), BinaryPrimitives.ReadUInt16BigEndian(s[7..]),
                    BinaryPrimitives.ReadUInt16BigEndian(s[9..]));
            case 2:
            case 3:
                throw Corrupt("JPEG-LS mapping tables (LSE ID 2/3) are not supported");
            case 4:
                throw Corrupt("JPEG-LS oversize image dimensions (LSE ID 4) are not supported");
            default:
                throw Corrupt($"JPEG-LS LSE segment has unknown ID {s[0]}");
        }
    }
}
