using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PixelGen.Tests.Support;

/// <summary>
/// Emits raw DICOM bytes for tests, independent of PixelGen's parser: any transfer syntax encoding, with or
/// without preamble/meta, sequences, native or encapsulated pixel data (BOT, EOT, multi-fragment frames).
/// Elements are written in the order added. Malformed variants are made by editing the returned bytes.
/// </summary>
public sealed class DicomBuilder
{
    public const string ImplicitLE = "1.2.840.10008.1.2";
    public const string ExplicitLE = "1.2.840.10008.1.2.1";
    public const string DeflatedLE = "1.2.840.10008.1.2.1.99";
    public const string ExplicitBE = "1.2.840.10008.1.2.2";
    public const string Rle = "1.2.840.10008.1.2.5";
    public const string JpegBaseline = "1.2.840.10008.1.2.4.50";
    public const string Jpeg2000 = "1.2.840.10008.1.2.4.90";

    private readonly List<Entry> _elements = [];

    public DicomBuilder(string transferSyntaxUid) => TransferSyntaxUid = transferSyntaxUid;

    public string TransferSyntaxUid { get; }
    public bool Preamble { get; set; } = true;
    public bool FileMeta { get; set; } = true;
    /// <summary>Encode the data set implicit VR even though the meta declares an explicit syntax.</summary>
    public bool ForceImplicitDataset { get; set; }
    /// <summary>After <see cref="Build"/>: offset of the pixel data element's tag (in the inflated data set for deflated).</summary>
    public long PixelDataElementOffset { get; private set; } = -1;
    /// <summary>After <see cref="Build"/>: offset of the data set's first byte in the file.</summary>
    public long DatasetOffset { get; private set; }

    private bool Explicit => !ForceImplicitDataset && TransferSyntaxUid != ImplicitLE;
    private bool LittleEndian => TransferSyntaxUid != ExplicitBE;

    public DicomBuilder US(ushort g, ushort e, params ushort[] v) => Add(g, e, "US", le => Pack(v.Length * 2, le, (s, l, i) => W16(s, l, v[i]), v.Length, 2));
    public DicomBuilder UL(ushort g, ushort e, params uint[] v) => Add(g, e, "UL", le => Pack(v.Length * 4, le, (s, l, i) => W32(s, l, v[i]), v.Length, 4));
    public DicomBuilder Text(ushort g, ushort e, string vr, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        if (bytes.Length % 2 == 1) bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        return Add(g, e, vr, _ => bytes);
    }
    public DicomBuilder Bytes(ushort g, ushort e, string vr, byte[] value) => Add(g, e, vr, _ => value);

    /// <summary>Adds the Image Pixel module attributes in tag order.</summary>
    public DicomBuilder ImagePixel(int rows, int columns, int bitsAllocated, int samples = 1, int frames = 1, int bitsStored = -1,
        bool signed = false, string photometric = "MONOCHROME2", int? planar = null)
    {
        US(0x0028, 0x0002, (ushort)samples);
        Text(0x0028, 0x0004, "CS", photometric);
        if (planar is int p) US(0x0028, 0x0006, (ushort)p);
        if (frames != 1) Text(0x0028, 0x0008, "IS", frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        US(0x0028, 0x0010, (ushort)rows);
        US(0x0028, 0x0011, (ushort)columns);
        int bs = bitsStored < 0 ? bitsAllocated : bitsStored;
        US(0x0028, 0x0100, (ushort)bitsAllocated);
        US(0x0028, 0x0101, (ushort)bs);
        US(0x0028, 0x0102, (ushort)(bs - 1));
        US(0x0028, 0x0103, (ushort)(signed ? 1 : 0));
        return this;
    }

    /// <summary>A sequence; each item is a builder whose elements form the item. Lengths defined or undefined.</summary>
    public DicomBuilder Sequence(ushort g, ushort e, bool undefinedLength, params DicomBuilder[] items)
    {
        _elements.Add(new Entry(g, e, "SQ", null, items, undefinedLength, null));
        return this;
    }

    /// <summary>A UN element of undefined length holding implicit-VR-LE items (PS3.5 6.2.2).</summary>
    public DicomBuilder UnSequence(ushort g, ushort e, params DicomBuilder[] items)
    {
        _elements.Add(new Entry(g, e, "UN", null, items, true, null) { ImplicitItems = true });
        return this;
    }

    /// <summary>Native pixel data, bytes as stored.</summary>
    public DicomBuilder NativePixelData(byte[] data, string vr = "OW", ushort element = 0x0010) => Add(0x7FE0, element, vr, _ => data);

    /// <summary>Encapsulated pixel data: BOT values then one item per fragment, then the sequence delimiter.</summary>
    public DicomBuilder EncapsulatedPixelData(uint[] basicOffsetTable, params byte[][] fragments)
    {
        _elements.Add(new Entry(0x7FE0, 0x0010, "OB", null, null, true, fragments) { Bot = basicOffsetTable });
        return this;
    }

    /// <summary>(7FE0,0001)/(7FE0,0002) as OV.</summary>
    public DicomBuilder ExtendedOffsetTable(ulong[] offsets, ulong[] lengths)
    {
        Add(0x7FE0, 0x0001, "OV", le => Pack(offsets.Length * 8, le, (s, l, i) => W64(s, l, offsets[i]), offsets.Length, 8));
        return Add(0x7FE0, 0x0002, "OV", le => Pack(lengths.Length * 8, le, (s, l, i) => W64(s, l, lengths[i]), lengths.Length, 8));
    }

    /// <summary>Offsets, in the encapsulated value's fragment area, of each fragment's item tag (what a BOT holds).</summary>
    public static uint[] ItemOffsets(params byte[][] fragments)
    {
        var result = new uint[fragments.Length];
        uint pos = 0;
        for (int i = 0; i < fragments.Length; i++) { result[i] = pos; pos += 8 + (uint)fragments[i].Length; }
        return result;
    }

    public byte[] Build()
    {
        var file = new MemoryStream();
        if (Preamble)
        {
            file.Write(new byte[128]);
            file.Write("DICM"u8);
        }
        if (FileMeta)
        {
            var meta = new MemoryStream();
            var m = new DicomBuilder(ExplicitLE);
            m.Bytes(0x0002, 0x0001, "OB", [0, 1]);
            m.Text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7");
            m.Text(0x0002, 0x0003, "UI", "1.2.3.4.5");
            m.Text(0x0002, 0x0010, "UI", TransferSyntaxUid);
            WriteElements(meta, m._elements, true, true, 0, null);
            var group = new MemoryStream();
            WriteHeader(group, 0x0002, 0x0000, "UL", 4, true, true);
            group.Write(Pack(4, true, (s, l, _) => W32(s, l, (uint)meta.Length), 1, 4));
            file.Write(group.ToArray());
            file.Write(meta.ToArray());
        }
        DatasetOffset = file.Length;
        var dataset = new MemoryStream();
        long pdOffset = -1;
        WriteElements(dataset, _elements, Explicit, LittleEndian, 0, o => pdOffset = o);
        if (TransferSyntaxUid == DeflatedLE)
        {
            PixelDataElementOffset = pdOffset;
            using var z = new DeflateStream(file, CompressionLevel.Optimal, leaveOpen: true);
            z.Write(dataset.ToArray());
        }
        else
        {
            PixelDataElementOffset = pdOffset < 0 ? -1 : DatasetOffset + pdOffset;
            file.Write(dataset.ToArray());
        }
        return file.ToArray();
    }

    private DicomBuilder Add(ushort g, ushort e, string vr, Func<bool, byte[]> value)
    {
        _elements.Add(new Entry(g, e, vr, value, null, false, null));
        return this;
    }

    private static void WriteElements(MemoryStream s, List<Entry> entries, bool explicitVR, bool le, long baseOffset, Action<long>? pixelData)
    {
        foreach (var x in entries)
        {
            long at = s.Length;
            if (x.Group == 0x7FE0 && x.Element is 0x0010 or 0x0008 or 0x0009) pixelData?.Invoke(baseOffset + at);
            if (x.Fragments is { } frags)
            {
                WriteHeader(s, x.Group, x.Element, x.VR, 0xFFFFFFFF, explicitVR, le);
                var bot = new byte[x.Bot!.Length * 4];
                for (int i = 0; i < x.Bot.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bot.AsSpan(i * 4), x.Bot[i]);
                WriteItem(s, 0xE000, (uint)bot.Length, le); s.Write(bot);
                foreach (var f in frags) { WriteItem(s, 0xE000, (uint)f.Length, le); s.Write(f); }
                WriteItem(s, 0xE0DD, 0, le);
            }
            else if (x.Items is { } items)
            {
                bool itemsExplicit = !x.ImplicitItems && explicitVR;
                bool itemsLe = x.ImplicitItems || le;
                var body = new MemoryStream();
                foreach (var item in items)
                {
                    var content = new MemoryStream();
                    WriteElements(content, item._elements, itemsExplicit, itemsLe, 0, null);
                    if (x.UndefinedLength)
                    {
                        WriteItem(body, 0xE000, 0xFFFFFFFF, itemsLe);
                        body.Write(content.ToArray());
                        WriteItem(body, 0xE00D, 0, itemsLe);
                    }
                    else
                    {
                        WriteItem(body, 0xE000, (uint)content.Length, itemsLe);
                        body.Write(content.ToArray());
                    }
                }
                if (x.UndefinedLength) WriteItem(body, 0xE0DD, 0, itemsLe);
                WriteHeader(s, x.Group, x.Element, x.VR, x.UndefinedLength ? 0xFFFFFFFF : (uint)body.Length, explicitVR, le);
                s.Write(body.ToArray());
            }
            else
            {
                var v = x.Value!(le);
                WriteHeader(s, x.Group, x.Element, x.VR, (uint)v.Length, explicitVR, le);
                s.Write(v);
            }
        }
    }

    private static void WriteHeader(Stream s, ushort g, ushort e, string vr, uint length, bool explicitVR, bool le)
    {
        Span<byte> h = stackalloc byte[12];
        W16(h, le, g); W16(h[2..], le, e);
        if (!explicitVR) { W32(h[4..], le, length); s.Write(h[..8]); return; }
        h[4] = (byte)vr[0]; h[5] = (byte)vr[1];
        if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV")
        {
            h[6] = 0; h[7] = 0; W32(h[8..], le, length); s.Write(h);
        }
        else
        {
            W16(h[6..], le, checked((ushort)length)); s.Write(h[..8]);
        }
    }

    private static void WriteItem(Stream s, ushort element, uint length, bool le)
    {
        Span<byte> h = stackalloc byte[8];
        W16(h, le, 0xFFFE); W16(h[2..], le, element); W32(h[4..], le, length);
        s.Write(h);
    }

    private delegate void Writer(Span<byte> s, bool le, int index);

    private static byte[] Pack(int size, bool le, Writer write, int count, int unit)
    {
        var b = new byte[size];
        for (int i = 0; i < count; i++) write(b.AsSpan(i * unit), le, i);
        return b;
    }

    private static void W16(Span<byte> s, bool le, ushort v) { if (le) BinaryPrimitives.WriteUInt16LittleEndian(s, v); else BinaryPrimitives.WriteUInt16BigEndian(s, v); }
    private static void W32(Span<byte> s, bool le, uint v) { if (le) BinaryPrimitives.WriteUInt32LittleEndian(s, v); else BinaryPrimitives.WriteUInt32BigEndian(s, v); }
    private static void W64(Span<byte> s, bool le, ulong v) { if (le) BinaryPrimitives.WriteUInt64LittleEndian(s, v); else BinaryPrimitives.WriteUInt64BigEndian(s, v); }

    private sealed record Entry(ushort Group, ushort Element, string VR, Func<bool, byte[]>? Value, DicomBuilder[]? Items, bool UndefinedLength, byte[][]? Fragments)
    {
        public bool ImplicitItems { get; init; }
        public uint[]? Bot { get; init; }
    }

    /// <summary>Deterministic pseudo-random bytes.</summary>
    public static byte[] Pattern(int length, int seed)
    {
        var b = new byte[length];
        new Random(seed).NextBytes(b);
        return b;
    }
}
