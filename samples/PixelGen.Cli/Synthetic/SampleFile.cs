using System.Buffers.Binary;
using System.Text;

namespace PixelGen.Cli.Synthetic;

/// <summary>
/// The CLI's embedded default input: a small multi-frame Explicit VR Little Endian Part 10 file PixelGen writes
/// itself (8 frames of 64×64 16-bit MONOCHROME2, 12 bits stored, a moving diagonal gradient), so every command
/// shows real output on a fresh clone.
/// </summary>
internal static class SampleFile
{
    public const string DisplayName = "(synthetic: 8 frames 64x64 16-bit, Explicit VR Little Endian)";
    public const int Frames = 8, Rows = 64, Columns = 64;

    public static byte[] Build()
    {
        var meta = new MemoryStream();
        Element(meta, 0x0002, 0x0001, "OB", [0, 1]);
        Element(meta, 0x0002, 0x0002, "UI", Ascii("1.2.840.10008.5.1.4.1.1.4.1", true));
        Element(meta, 0x0002, 0x0003, "UI", Ascii("2.25.1234567890", true));
        Element(meta, 0x0002, 0x0010, "UI", Ascii("1.2.840.10008.1.2.1", true));
        Element(meta, 0x0002, 0x0013, "SH", Ascii("PIXELGEN", false));

        var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        Element(file, 0x0002, 0x0000, "UL", U32((uint)meta.Length));
        meta.WriteTo(file);
        Element(file, 0x0008, 0x0016, "UI", Ascii("1.2.840.10008.5.1.4.1.1.4.1", true));
        Element(file, 0x0008, 0x0060, "CS", Ascii("MR", false));
        Element(file, 0x0028, 0x0002, "US", U16(1));
        Element(file, 0x0028, 0x0004, "CS", Ascii("MONOCHROME2", false));
        Element(file, 0x0028, 0x0008, "IS", Ascii(Frames.ToString(System.Globalization.CultureInfo.InvariantCulture), false));
        Element(file, 0x0028, 0x0010, "US", U16(Rows));
        Element(file, 0x0028, 0x0011, "US", U16(Columns));
        Element(file, 0x0028, 0x0100, "US", U16(16));
        Element(file, 0x0028, 0x0101, "US", U16(12));
        Element(file, 0x0028, 0x0102, "US", U16(11));
        Element(file, 0x0028, 0x0103, "US", U16(0));
        var pixels = new byte[Frames * Rows * Columns * 2];
        for (int f = 0; f < Frames; f++)
            for (int r = 0; r < Rows; r++)
                for (int c = 0; c < Columns; c++)
                    BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(((f * Rows + r) * Columns + c) * 2), (ushort)(((r + c + 8 * f) * 32) & 0x0FFF));
        Element(file, 0x7FE0, 0x0010, "OW", pixels);
        return file.ToArray();
    }

    private static void Element(Stream s, ushort group, ushort element, string vr, byte[] value)
    {
        Span<byte> h = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(h, group);
        BinaryPrimitives.WriteUInt16LittleEndian(h[2..], element);
        h[4] = (byte)vr[0];
        h[5] = (byte)vr[1];
        if (vr is "OB" or "OW" or "UN" or "SQ")
        {
            h[6] = h[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(h[8..], (uint)value.Length);
            s.Write(h);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], (ushort)value.Length);
            s.Write(h[..8]);
        }
        s.Write(value);
    }

    private static byte[] Ascii(string text, bool uid)
    {
        var b = Encoding.ASCII.GetBytes(text);
        return b.Length % 2 == 0 ? b : [.. b, uid ? (byte)0 : (byte)' '];
    }

    private static byte[] U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); return b; }
    private static byte[] U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); return b; }
}
