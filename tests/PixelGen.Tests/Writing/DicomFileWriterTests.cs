using System.Buffers.Binary;
using PixelGen.Dicom;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

public class DicomFileWriterTests
{
    public static TheoryData<string> NativeSyntaxes => new()
    {
        TransferSyntax.ImplicitVRLittleEndian.Uid, TransferSyntax.ExplicitVRLittleEndian.Uid,
        TransferSyntax.ExplicitVRBigEndian.Uid, TransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
    };

    [Theory]
    [MemberData(nameof(NativeSyntaxes))]
    public void WritesMetaAndEveryElementInEachNativeSyntax(string uid)
    {
        var ts = TransferSyntax.FromUid(uid);
        var ds = TestData.Image(4, 6, frames: 2);
        var r = OutputReader.Parse(TestData.Write(ds, ts));

        Assert.Equal(uid, r.TransferSyntaxUid);
        Assert.Equal(new byte[] { 0, 1 }, r.Meta.Single(n => n.Tag == DicomTags.FileMetaInformationVersion).Value);
        Assert.Equal(TestData.SecondaryCapture, r.MetaString(DicomTags.MediaStorageSopClassUid));
        Assert.Equal("1.2.3.4.5", r.MetaString(DicomTags.MediaStorageSopInstanceUid));
        Assert.Equal(DicomUids.ImplementationClassUid, r.MetaString(DicomTags.ImplementationClassUid));
        Assert.Equal(DicomUids.ImplementationVersionName, r.MetaString(DicomTags.ImplementationVersionName));
        Assert.DoesNotContain(r.Body, n => n.Tag.Group == 0x0002);

        // Same elements, in tag order.
        Assert.Equal(ds.Select(e => e.Tag).ToArray(), r.Body.Select(n => n.Tag).ToArray());
        Assert.Equal("Doe^Jane", r.String(TestData.PatientName));
        Assert.Equal(4, r.UShort(DicomTags.Rows));
        Assert.Equal(6, r.UShort(DicomTags.Columns));
        Assert.Equal("DERIVED\\SECONDARY", r.String(TestData.ImageType));
        Assert.Equal(ts.IsExplicitVR ? "OW" : null, r.Get(DicomTags.PixelData).VR);

        // Binary values follow the syntax's byte order: AT per 16-bit half, OW pixels per 16-bit value.
        var at = r.Get(TestData.FrameIncrementPointer).Value;
        Assert.Equal(ts.IsLittleEndian ? new byte[] { 0x18, 0x00, 0x63, 0x10 } : new byte[] { 0x00, 0x18, 0x10, 0x63 }, at);
        var pixels = r.Get(DicomTags.PixelData).Value;
        var ramp = TestData.Ramp(2 * 4 * 6);
        Assert.Equal(ramp.Length * 2, pixels.Length);
        for (int i = 0; i < ramp.Length; i++)
            Assert.Equal(ramp[i], ts.IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(pixels.AsSpan(2 * i)) : BinaryPrimitives.ReadUInt16BigEndian(pixels.AsSpan(2 * i)));

        // Nested sequences in memory are written with undefined length (Preserve).
        var seq = r.Get(TestData.ReferencedImageSequence);
        Assert.Equal(0xFFFFFFFFu, seq.Length);
        Assert.Single(seq.Items!);
        Assert.Contains(seq.Items![0], n => n.Tag == new DicomTag(0x0040, 0xA170) && n.Items!.Count == 1);
    }

    [Fact]
    public void GroupLengthCountsTheMetaElements()
    {
        var bytes = TestData.Write(TestData.Image(), TransferSyntax.ExplicitVRLittleEndian);
        uint groupLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(132 + 8));
        int bodyStart = 132 + 12 + (int)groupLength;
        Assert.Equal(0x0008, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(bodyStart))); // first data set element
        Assert.All(bytes.AsSpan(0, 128).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void DefinedLengthModeWritesComputedLengths()
    {
        var ds = TestData.Image();
        foreach (var uid in new[] { TransferSyntax.ExplicitVRLittleEndian.Uid, TransferSyntax.ImplicitVRLittleEndian.Uid, TransferSyntax.ExplicitVRBigEndian.Uid })
        {
            var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.FromUid(uid), new WriteOptions { SequenceLengths = SequenceLengthMode.Defined }));
            var seq = r.Get(TestData.ReferencedImageSequence);
            Assert.NotEqual(0xFFFFFFFFu, seq.Length); // the reader asserts the length matches the items exactly
            Assert.Equal(3, seq.Items![0].Count);
        }
    }

    [Fact]
    public void PreserveKeepsDefinedLengthSequencesDefined()
    {
        var ds = TestData.Image();
        var items = ds.GetOrAddSequence(TestData.ReferencedImageSequence);
        ds.Add(new DicomElement(TestData.ReferencedImageSequence, items.ToList(), length: 1234)); // "as read": defined length
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        var seq = r.Get(TestData.ReferencedImageSequence);
        Assert.NotEqual(0xFFFFFFFFu, seq.Length);
        Assert.NotEqual(1234u, seq.Length); // recomputed for the output, not copied
        var undefined = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian, new WriteOptions { SequenceLengths = SequenceLengthMode.Undefined }));
        Assert.Equal(0xFFFFFFFFu, undefined.Get(TestData.ReferencedImageSequence).Length);
    }

    [Fact]
    public void EncapsulatedFramesGetAFilledBasicOffsetTable()
    {
        var ds = TestData.Image(2, 2, frames: 3);
        ds.TransferSyntax = TransferSyntax.RleLossless;
        byte[][] frames = [new byte[5], new byte[8], new byte[1]];
        frames[0][0] = 1; frames[1][0] = 2; frames[2][0] = 3;
        ds.SetEncapsulatedFrames(frames.Select(f => (ReadOnlyMemory<byte>)f).ToList());
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.RleLossless));
        var px = r.Get(DicomTags.PixelData);
        Assert.Equal("OB", px.VR);
        Assert.Equal(0xFFFFFFFFu, px.Length);
        Assert.Equal(4, px.Fragments!.Count);
        var bot = px.Fragments[0];
        Assert.Equal(new uint[] { 0, 8 + 6, 8 + 6 + 8 + 8 }, Enumerable.Range(0, 3).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bot.AsSpan(4 * i))).ToArray());
        Assert.Equal(6, px.Fragments[1].Length); // odd fragment padded with one NUL
        Assert.Equal(2, px.Fragments[3].Length);
        Assert.Equal(new byte[] { 3, 0 }, px.Fragments[3]);
        Assert.Null(r.Find(DicomTags.ExtendedOffsetTable));
    }

    [Fact]
    public void ExtendedOffsetTableWhenAsked()
    {
        var ds = TestData.Image(2, 2, frames: 2);
        ds.TransferSyntax = TransferSyntax.RleLossless;
        ds.SetEncapsulatedFrames([new byte[10], new byte[7]]);
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.RleLossless, new WriteOptions { WriteExtendedOffsetTable = true }));
        var eot = r.Get(DicomTags.ExtendedOffsetTable);
        var lengths = r.Get(DicomTags.ExtendedOffsetTableLengths);
        Assert.Equal("OV", eot.VR);
        Assert.Equal(new ulong[] { 0, 18 }, new[] { BinaryPrimitives.ReadUInt64LittleEndian(eot.Value), BinaryPrimitives.ReadUInt64LittleEndian(eot.Value.AsSpan(8)) });
        Assert.Equal(new ulong[] { 10, 7 }, new[] { BinaryPrimitives.ReadUInt64LittleEndian(lengths.Value), BinaryPrimitives.ReadUInt64LittleEndian(lengths.Value.AsSpan(8)) });
        Assert.Empty(r.Get(DicomTags.PixelData).Fragments![0]); // BOT empty
    }

    [Fact]
    public void StreamedFramesArePatchedIntoTheOffsetTables()
    {
        var ds = TestData.Image(2, 2, frames: 3);
        ds.SetPixelDataContent(new StreamedFrames([3, 10, 4]));
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.RleLossless));
        var bot = r.Get(DicomTags.PixelData).Fragments![0];
        Assert.Equal(new uint[] { 0, 12, 30 }, Enumerable.Range(0, 3).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bot.AsSpan(4 * i))).ToArray());

        var e = OutputReader.Parse(TestData.Write(ds, TransferSyntax.RleLossless, new WriteOptions { WriteExtendedOffsetTable = true }));
        var eot = e.Get(DicomTags.ExtendedOffsetTable).Value;
        var len = e.Get(DicomTags.ExtendedOffsetTableLengths).Value;
        Assert.Equal(30ul, BinaryPrimitives.ReadUInt64LittleEndian(eot.AsSpan(16)));
        Assert.Equal(10ul, BinaryPrimitives.ReadUInt64LittleEndian(len.AsSpan(8)));
        Assert.Equal(4, e.Get(DicomTags.PixelData).Fragments!.Count);
    }

    [Fact]
    public void StreamedFramesToANonSeekableStreamLeaveTheTableEmpty()
    {
        var ds = TestData.Image(2, 2, frames: 3);
        ds.SetPixelDataContent(new StreamedFrames([3, 10, 4]));
        using var ms = new MemoryStream();
        DicomFileWriter.Write(new ForwardOnlyStream(ms), ds, TransferSyntax.RleLossless);
        var r = OutputReader.Parse(ms.ToArray());
        Assert.Empty(r.Get(DicomTags.PixelData).Fragments![0]);
    }

    [Fact]
    public void DeferredValuesAreCopiedInChunksAndUnchanged()
    {
        var bytes = new byte[300_000];
        new Random(1).NextBytes(bytes);
        var source = new TrackingSource(bytes);
        var ds = TestData.Image(300, 500).ToMutable(TransferSyntax.ExplicitVRLittleEndian);
        ds.Add(new DicomElement(DicomTags.PixelData, DicomVR.OW, source, 0, (uint)bytes.Length, true, -1));
        var options = new WriteOptions { CopyBufferSize = 4096 };
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian, options));
        Assert.Equal(bytes, r.Get(DicomTags.PixelData).Value);
        Assert.True(source.LargestRead <= 4096, $"largest read {source.LargestRead}");
        Assert.False(ds[DicomTags.PixelData]!.IsValueLoaded);

        // Big endian output swaps the deferred little-endian words chunk by chunk.
        var be = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRBigEndian, options));
        var swapped = be.Get(DicomTags.PixelData).Value;
        Assert.Equal(bytes[1], swapped[0]);
        Assert.Equal(bytes[0], swapped[1]);
        Assert.Equal(bytes[^1], swapped[^2]);
    }

    [Fact]
    public void DeferredEncapsulatedPixelDataIsCopiedByteForByte()
    {
        // BOT with one entry, two fragments, delimiter, then trailing padding element bytes that must not be copied.
        var value = new List<byte>();
        void Item(byte[] data) { value.AddRange(new byte[] { 0xFE, 0xFF, 0x00, 0xE0 }); value.AddRange(BitConverter.GetBytes(data.Length)); value.AddRange(data); }
        Item(new byte[4]);
        Item([1, 2, 3, 4]);
        Item([5, 6]);
        value.AddRange(new byte[] { 0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0 });
        int valueLength = value.Count;
        value.AddRange(new byte[] { 0xFC, 0xFF, 0xFC, 0xFF, (byte)'O', (byte)'B', 0, 0, 0, 0, 0, 0 });
        var source = new TrackingSource(value.ToArray());
        var ds = TestData.Image(1, 3);
        ds.Add(new DicomElement(DicomTags.PixelData, DicomVR.OB, source, 0, DicomElement.UndefinedLength, true, -1));
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.RleLossless));
        var px = r.Get(DicomTags.PixelData);
        Assert.Equal(3, px.Fragments!.Count);
        Assert.Equal(new byte[] { 5, 6 }, px.Fragments[2]);
        var copied = r.ReadSource(px.Element.ValueOffset, valueLength); // items and delimiter, byte for byte
        Assert.Equal(value.Take(valueLength).ToArray(), copied);
        Assert.Equal(px.Element.ValueOffset + valueLength, r.File.Source.Length); // the trailing padding was not copied
    }

    [Fact]
    public void ImplicitOmitsVRsAndFloatPixelsGoToFloatPixelData()
    {
        var ds = TestData.Image();
        ds.SetPixelData(new float[] { 1.5f, -2f, 3f, 4f }, PixelArrayShape.Single(2, 2));
        var explicitOut = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRBigEndian));
        var fp = explicitOut.Get(DicomTags.FloatPixelData);
        Assert.Equal("OF", fp.VR);
        Assert.Equal(-2f, BinaryPrimitives.ReadSingleBigEndian(fp.Value.AsSpan(4)));
        Assert.Null(explicitOut.Find(DicomTags.PixelData));
    }

    [Fact]
    public void ShortVRValuesLongerThan64KiBAreRefusedInExplicitVR()
    {
        var ds = TestData.Image();
        ds.Add(new DicomElement(new DicomTag(0x0028, 0x1201), DicomVR.US, new byte[70_000]));
        Assert.Throws<PixelGenException>(() => TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        OutputReader.Parse(TestData.Write(ds, TransferSyntax.ImplicitVRLittleEndian)); // 32-bit lengths: fine
    }

    [Fact]
    public void MissingSopUidsAreReported()
    {
        var ds = TestData.Image();
        ds.Remove(DicomTags.SopInstanceUid);
        var ex = Assert.Throws<PixelGenException>(() => TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("(0008,0018)", ex.Message);
    }

    /// <summary>Encapsulated frames produced on demand, sizes unknown beforehand (as the transcoder does).</summary>
    private sealed class StreamedFrames(int[] sizes) : IPixelDataContent
    {
        public bool IsEncapsulated => true;
        public int FrameCount => sizes.Length;
        public long NativeLength => 0;
        public IReadOnlyList<IReadOnlyList<long>>? FragmentLengths => null;
        public void WriteFrame(int index, IPixelDataSink sink) => sink.Write(Enumerable.Repeat((byte)(index + 1), sizes[index]).ToArray());
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
