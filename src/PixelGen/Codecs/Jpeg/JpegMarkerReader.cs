using System.Buffers.Binary;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// Walks the marker segments of one JPEG stream. Every length is checked against the bytes present, so a
/// truncated or garbled stream raises <see cref="PixelDataException"/> with the offset within the frame.
/// </summary>
internal ref struct JpegMarkerReader
{
    private readonly ReadOnlySpan<byte> _data;

    public JpegMarkerReader(ReadOnlySpan<byte> data) { _data = data; Position = 0; }

    /// <summary>Offset of the next unread byte within the frame's bytes.</summary>
    public int Position { get; set; }

    public readonly ReadOnlySpan<byte> Data => _data;

    /// <summary>Expects SOI at the start (DICOM frames have nothing before it).</summary>
    public void ReadSoi()
    {
        if (_data.Length < 2 || _data[0] != 0xFF || _data[1] != JpegMarkers.Soi)
            throw Error("JPEG stream does not start with SOI (FFD8)", 0);
        Position = 2;
    }

    /// <summary>Reads the next marker, skipping fill bytes (0xFF runs) between segments.</summary>
    public byte ReadMarker()
    {
        int p = Position;
        if (p >= _data.Length) throw Error("JPEG stream ends before EOI (truncated)", p);
        if (_data[p] != 0xFF) throw Error($"expected a JPEG marker, found byte 0x{_data[p]:X2}", p);
        while (p < _data.Length && _data[p] == 0xFF) p++;
        if (p >= _data.Length) throw Error("JPEG stream ends inside a marker (truncated)", p);
        byte m = _data[p];
        if (m == 0) throw Error("stuffed byte FF00 where a marker was expected", p - 1);
        Position = p + 1;
        return m;
    }

    /// <summary>Reads a segment's 2-byte length and returns its payload (length bytes excluded).</summary>
    public ReadOnlySpan<byte> ReadSegment(byte marker)
    {
        int p = Position;
        if (p + 2 > _data.Length) throw Error($"{JpegMarkers.Name(marker)} segment length is missing (truncated)", p);
        int len = BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(p));
        if (len < 2) throw Error($"{JpegMarkers.Name(marker)} segment length {len} is invalid", p);
        if (p + len > _data.Length)
            throw Error($"{JpegMarkers.Name(marker)} segment of {len} bytes runs past the end of the frame ({_data.Length - p} left)", p);
        Position = p + len;
        return _data.Slice(p + 2, len - 2);
    }

    public static PixelDataException Error(string message, long offset)
        => new($"Corrupt JPEG data: {message}", offset: offset);
}
