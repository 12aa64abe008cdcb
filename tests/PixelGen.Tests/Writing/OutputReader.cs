using System.Buffers.Binary;
using System.Text;
using PixelGen.Dicom;
using PixelGen.Frames;

namespace PixelGen.Tests.Writing;

/// <summary>
/// Reads what the writer produced with the real parser (<see cref="DicomFileReader"/>, <see cref="FrameReader"/>)
/// and exposes it in the shape the writer tests check: elements with their VR as written and raw value bytes,
/// sequence items, and encapsulated fragments (Basic Offset Table first).
/// </summary>
internal sealed class OutputReader
{
    public sealed record Node(DicomTag Tag, string? VR, uint Length, byte[] Value, List<List<Node>>? Items, List<byte[]>? Fragments, DicomElement Element);

    public List<Node> Meta { get; } = [];
    public List<Node> Body { get; } = [];
    public string TransferSyntaxUid { get; private set; } = "";
    public bool IsLittleEndian { get; private set; }
    public DicomFile File { get; private set; } = null!;

    public static OutputReader Parse(byte[] bytes)
    {
        Assert.True(bytes.Length >= 132, "file too short for a preamble");
        Assert.Equal("DICM", Encoding.ASCII.GetString(bytes, 128, 4));
        var file = DicomFileReader.Read(new MemoryStream(bytes));
        Assert.Empty(file.Warnings);
        var r = new OutputReader { File = file, TransferSyntaxUid = file.TransferSyntax.Uid, IsLittleEndian = file.TransferSyntax.IsLittleEndian };
        r.Meta.AddRange(file.FileMetaInformation.Select(e => r.ToNode(e, explicitVR: true)));
        r.Body.AddRange(file.Dataset.Select(e => r.ToNode(e, file.TransferSyntax.IsExplicitVR)));
        if (file.TransferSyntax.IsDeflated) Assert.True(bytes.Length % 2 == 0, "deflated file must have even length");
        return r;
    }

    private Node ToNode(DicomElement e, bool explicitVR)
    {
        string? vr = explicitVR ? DicomVRInfo.Code(e.EncodedVR != DicomVR.None ? e.EncodedVR : e.VR) : null;
        var items = e.Items?.Select(i => i.Select(x => ToNode(x, explicitVR)).ToList()).ToList();
        List<byte[]>? fragments = null;
        if (e.IsUndefinedLength && items is null) fragments = Fragments();
        byte[] value = items is null && !e.IsUndefinedLength ? e.RawValue.ToArray() : [];
        if (items is null && !e.IsUndefinedLength) Assert.True(e.Length % 2 == 0, $"{e.Tag} has odd length {e.Length}");
        return new Node(e.Tag, vr, e.Length, value, items, fragments, e);
    }

    /// <summary>The Basic Offset Table (as bytes) and every fragment's data, from the FrameReader's index.</summary>
    private List<byte[]> Fragments()
    {
        using var reader = new FrameReader(File.Source);
        var info = reader.FrameInfo;
        var bot = new byte[info.BasicOffsetTable.Count * 4];
        for (int i = 0; i < info.BasicOffsetTable.Count; i++) BinaryPrimitives.WriteUInt32LittleEndian(bot.AsSpan(4 * i), info.BasicOffsetTable[i]);
        var list = new List<byte[]> { bot };
        foreach (var frame in info.Frames)
            foreach (var f in frame.Fragments ?? [new FragmentEntry { Offset = frame.Offset, Length = frame.Length }])
                list.Add(ReadSource(f.Offset, (int)f.Length));
        return list;
    }

    public byte[] ReadSource(long offset, int length)
    {
        var buffer = new byte[length];
        File.Source.Read(offset, buffer);
        return buffer;
    }

    public Node Get(DicomTag tag) => Body.Single(n => n.Tag == tag);
    public Node? Find(DicomTag tag) => Body.SingleOrDefault(n => n.Tag == tag);
    public string MetaString(DicomTag tag) => Meta.Single(n => n.Tag == tag).Element.GetText();
    public string String(DicomTag tag) => Get(tag).Element.GetText();
    public ushort UShort(DicomTag tag) => (ushort)Get(tag).Element.GetNumbers()[0];
}
