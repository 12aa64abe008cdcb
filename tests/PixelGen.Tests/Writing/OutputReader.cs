using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using PixelGen.Dicom;

namespace PixelGen.Tests.Writing;

/// <summary>
/// A deliberately small reader of what the writer produces, so the writer's tests can check bytes structurally
/// before the real parser is merged. It knows only what our own output contains.
/// </summary>
internal sealed class OutputReader
{
    public sealed record Node(DicomTag Tag, string? VR, uint Length, byte[] Value, List<List<Node>>? Items, List<byte[]>? Fragments, long Offset);

    public List<Node> Meta { get; } = [];
    public List<Node> Body { get; } = [];
    public string TransferSyntaxUid { get; private set; } = "";
    public byte[] BodyBytes { get; private set; } = [];

    private byte[] _data = [];
    private bool _explicit, _le;

    public static OutputReader Parse(byte[] file)
    {
        var r = new OutputReader();
        Assert.True(file.Length >= 132, "file too short for a preamble");
        Assert.Equal("DICM", Encoding.ASCII.GetString(file, 128, 4));
        r._data = file;
        r._explicit = true;
        r._le = true;
        int pos = 132;
        // group length first
        var gl = r.ReadElement(ref pos);
        Assert.Equal(DicomTags.FileMetaInformationGroupLength, gl.Tag);
        Assert.Equal("UL", gl.VR);
        uint groupLength = BinaryPrimitives.ReadUInt32LittleEndian(gl.Value);
        int metaEnd = pos + (int)groupLength;
        r.Meta.Add(gl);
        while (pos < metaEnd) r.Meta.Add(r.ReadElement(ref pos));
        Assert.Equal(metaEnd, pos);
        r.TransferSyntaxUid = Encoding.ASCII.GetString(r.Meta.Single(n => n.Tag == DicomTags.TransferSyntaxUid).Value).TrimEnd('\0');
        var ts = TransferSyntax.FromUid(r.TransferSyntaxUid);
        var body = file.AsSpan(pos).ToArray();
        if (ts.IsDeflated)
        {
            Assert.True(file.Length % 2 == 0, "deflated file must have even length");
            using var inflate = new DeflateStream(new MemoryStream(body), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            inflate.CopyTo(ms);
            body = ms.ToArray();
        }
        r.BodyBytes = body;
        r._data = body;
        r._explicit = ts.IsExplicitVR;
        r._le = ts.IsLittleEndian;
        int p = 0;
        while (p < body.Length) r.Body.Add(r.ReadElement(ref p));
        return r;
    }

    public Node Get(DicomTag tag) => Body.Single(n => n.Tag == tag);
    public Node? Find(DicomTag tag) => Body.SingleOrDefault(n => n.Tag == tag);
    public string MetaString(DicomTag tag) => Encoding.ASCII.GetString(Meta.Single(n => n.Tag == tag).Value).TrimEnd('\0', ' ');
    public string String(DicomTag tag) => Encoding.Latin1.GetString(Get(tag).Value).TrimEnd('\0', ' ');
    public ushort UShort(DicomTag tag) => _le ? BinaryPrimitives.ReadUInt16LittleEndian(Get(tag).Value) : BinaryPrimitives.ReadUInt16BigEndian(Get(tag).Value);
    public bool IsLittleEndian => _le;

    private ushort U16(int at) => _le ? BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));
    private uint U32(int at) => _le ? BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));

    private Node ReadElement(ref int pos)
    {
        int start = pos;
        var tag = new DicomTag(U16(pos), U16(pos + 2));
        string? vr = null;
        uint length;
        if (_explicit)
        {
            vr = Encoding.ASCII.GetString(_data, pos + 4, 2);
            if (DicomVRInfo.HasLongLength(DicomVRInfo.FromCode(vr)))
            {
                Assert.Equal(0, _data[pos + 6] | _data[pos + 7]);
                length = U32(pos + 8);
                pos += 12;
            }
            else
            {
                length = U16(pos + 6);
                pos += 8;
            }
        }
        else
        {
            length = U32(pos + 4);
            pos += 8;
        }
        bool isSequence = vr == "SQ" || (!_explicit && length == 0xFFFFFFFF && tag != DicomTags.PixelData) || (!_explicit && KnownSequences.Contains(tag));
        if (isSequence) return new Node(tag, vr, length, [], ReadItems(ref pos, length), null, start);
        if (length == 0xFFFFFFFF) return new Node(tag, vr, length, [], null, ReadFragments(ref pos), start);
        Assert.True(length % 2 == 0, $"{tag} has odd length {length}");
        var value = _data.AsSpan(pos, (int)length).ToArray();
        pos += (int)length;
        return new Node(tag, vr, length, value, null, null, start);
    }

    public static readonly HashSet<DicomTag> KnownSequences = [new(0x0008, 0x1140), new(0x0040, 0xA170), new(0x0008, 0x1115), new(0x0040, 0x0275), DicomTags.ModalityLutSequence, DicomTags.VoiLutSequence];

    private List<List<Node>> ReadItems(ref int pos, uint length)
    {
        var items = new List<List<Node>>();
        int end = length == 0xFFFFFFFF ? int.MaxValue : pos + (int)length;
        while (pos < end)
        {
            var tag = new DicomTag(U16(pos), U16(pos + 2));
            uint itemLength = U32(pos + 4);
            pos += 8;
            if (tag == DicomTags.SequenceDelimitationItem) { Assert.Equal(0u, itemLength); break; }
            Assert.Equal(DicomTags.Item, tag);
            var item = new List<Node>();
            if (itemLength == 0xFFFFFFFF)
            {
                while (true)
                {
                    var t = new DicomTag(U16(pos), U16(pos + 2));
                    if (t == DicomTags.ItemDelimitationItem) { Assert.Equal(0u, U32(pos + 4)); pos += 8; break; }
                    item.Add(ReadElement(ref pos));
                }
            }
            else
            {
                int itemEnd = pos + (int)itemLength;
                while (pos < itemEnd) item.Add(ReadElement(ref pos));
                Assert.Equal(itemEnd, pos);
            }
            items.Add(item);
        }
        if (length != 0xFFFFFFFF) Assert.Equal(end, pos);
        return items;
    }

    private List<byte[]> ReadFragments(ref int pos)
    {
        var fragments = new List<byte[]>();
        while (true)
        {
            var tag = new DicomTag(U16(pos), U16(pos + 2));
            uint len = U32(pos + 4);
            pos += 8;
            if (tag == DicomTags.SequenceDelimitationItem) { Assert.Equal(0u, len); return fragments; }
            Assert.Equal(DicomTags.Item, tag);
            Assert.True(len % 2 == 0, "fragment with odd length");
            fragments.Add(_data.AsSpan(pos, (int)len).ToArray());
            pos += (int)len;
        }
    }
}
