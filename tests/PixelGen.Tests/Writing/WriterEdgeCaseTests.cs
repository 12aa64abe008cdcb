using System.Buffers.Binary;
using PixelGen.Dicom;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

public class WriterEdgeCaseTests
{
    [Fact]
    public void BigEndianSwapsEachBinaryVRByItsValueSize()
    {
        var ds = TestData.Image();
        var fl = new DicomTag(0x0018, 0x9089);
        var fd = new DicomTag(0x0018, 0x9087);
        var ul = new DicomTag(0x0018, 0x9219);
        ds.SetSingle(fl, 1.5f, -2.25f);
        ds.SetDouble(fd, Math.PI);
        ds.SetUInt32(ul, 0x01020304);
        ds.SetString(new DicomTag(0x0008, 0x0070), DicomVR.LO, "ACME"); // text is never swapped
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRBigEndian));
        Assert.Equal(-2.25f, BinaryPrimitives.ReadSingleBigEndian(r.Get(fl).Value.AsSpan(4)));
        Assert.Equal(Math.PI, BinaryPrimitives.ReadDoubleBigEndian(r.Get(fd).Value));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, r.Get(ul).Value);
        Assert.Equal("ACME", r.String(new DicomTag(0x0008, 0x0070)));
    }

    [Fact]
    public void BigEndianSourceValuesAreSwappedBackForLittleEndian()
    {
        var ds = TestData.Image();
        var tag = new DicomTag(0x0018, 0x1150);
        ds.Add(new DicomElement(tag, DicomVR.US, new byte[] { 0x12, 0x34 }, isLittleEndian: false)); // 0x1234 as read from a big endian file
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(new byte[] { 0x34, 0x12 }, r.Get(tag).Value);
        var be = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRBigEndian));
        Assert.Equal(new byte[] { 0x12, 0x34 }, be.Get(tag).Value); // same order: copied as is
    }

    [Fact]
    public void OddDeferredValuesArePaddedWithTheVRsPadByte()
    {
        var ds = TestData.Image();
        var source = new TrackingSource("ABC"u8.ToArray());
        var tag = new DicomTag(0x0008, 0x0070);
        ds.Add(new DicomElement(tag, DicomVR.LO, source, 0, 3, true, -1));
        var ob = new DicomTag(0x0009, 0x1010);
        ds.Add(new DicomElement(ob, DicomVR.OB, new byte[] { 1, 2, 3 }));
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal("ABC "u8.ToArray(), r.Get(tag).Value);
        Assert.Equal(new byte[] { 1, 2, 3, 0 }, r.Get(ob).Value);
    }

    [Fact]
    public void DeferredEncapsulatedDataWithTooFewFragmentsIsRejected()
    {
        var value = new List<byte>();
        void Item(byte[] data) { value.AddRange(new byte[] { 0xFE, 0xFF, 0x00, 0xE0 }); value.AddRange(BitConverter.GetBytes(data.Length)); value.AddRange(data); }
        Item([]);
        Item([1, 2]);
        value.AddRange(new byte[] { 0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0 });
        var ds = TestData.Image(2, 2, frames: 3);
        ds.Add(new DicomElement(DicomTags.PixelData, DicomVR.OB, new TrackingSource(value.ToArray()), 0, DicomElement.UndefinedLength, true, -1));
        var ex = Assert.Throws<PixelConsistencyException>(() => TestData.Write(ds, TransferSyntax.RleLossless));
        Assert.Contains("NumberOfFrames is 3 but the encapsulated pixel data holds only 1 fragments", ex.Message);
    }

    [Fact]
    public void TruncatedDeferredEncapsulatedDataRaisesAFormatError()
    {
        var bytes = new byte[] { 0xFE, 0xFF, 0x00, 0xE0, 0, 0, 0, 0, 0xFE, 0xFF, 0x00, 0xE0, 100, 0, 0, 0, 1, 2 };
        var ds = TestData.Image(1, 1);
        ds.Add(new DicomElement(DicomTags.PixelData, DicomVR.OB, new TrackingSource(bytes), 0, DicomElement.UndefinedLength, true, -1));
        var ex = Assert.Throws<DicomFormatException>(() => TestData.Write(ds, TransferSyntax.RleLossless, new WriteOptions { SkipConsistencyCheck = true }));
        Assert.Equal(8, ex.Offset);
    }

    [Fact]
    public void GroupLengthsInTheDataSetAreDropped()
    {
        var ds = TestData.Image();
        ds.SetUInt32(new DicomTag(0x0028, 0x0000), 12345); // stale after any edit
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Null(r.Find(new DicomTag(0x0028, 0x0000)));
    }

    [Fact]
    public void ExistingFileMetaElementsAreKeptAndOwnedOnesReplaced()
    {
        var ds = TestData.Image();
        var meta = new MutableDicomDataset();
        meta.SetString(new DicomTag(0x0002, 0x0016), DicomVR.AE, "SOURCE_AE");
        meta.SetString(DicomTags.ImplementationClassUid, DicomVR.UI, "1.2.3.999");
        meta.SetString(DicomTags.TransferSyntaxUid, DicomVR.UI, TransferSyntax.ImplicitVRLittleEndian.Uid);
        using var ms = new MemoryStream();
        DicomFileWriter.Write(ms, ds, TransferSyntax.ExplicitVRLittleEndian, null, meta);
        var r = OutputReader.Parse(ms.ToArray());
        Assert.Equal("SOURCE_AE", r.MetaString(new DicomTag(0x0002, 0x0016)));
        Assert.Equal(DicomUids.ImplementationClassUid, r.MetaString(DicomTags.ImplementationClassUid));
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian.Uid, r.TransferSyntaxUid);
    }
}
