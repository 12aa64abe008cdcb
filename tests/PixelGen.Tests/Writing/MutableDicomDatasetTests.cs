using PixelGen.Dicom;
using PixelGen.IO;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

public class MutableDicomDatasetTests
{
    [Fact]
    public void AddReplaceRemoveAndTypedSetters()
    {
        var ds = new MutableDicomDataset();
        ds.SetRows(512);
        ds.SetColumns(256);
        ds.SetNumberOfFrames(3);
        ds.SetPhotometricInterpretation("MONOCHROME2");
        ds.SetStrings(TestData.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.SetDecimalString(DicomTags.WindowCenter, 40, 400);
        ds.SetInt16(DicomTags.PixelPaddingValue, -2000);
        ds.SetDouble(new DicomTag(0x0018, 0x9087), 1000.5);
        Assert.Equal(512, ds.Rows);
        Assert.Equal(256, ds.Columns);
        Assert.Equal(3, ds.NumberOfFrames);
        Assert.Equal(new[] { "ORIGINAL", "PRIMARY", "AXIAL" }, ds.GetStrings(TestData.ImageType));
        Assert.Equal(new double[] { 40, 400 }, ds.WindowCenter);
        Assert.Equal(-2000, ds.GetInt(DicomTags.PixelPaddingValue));
        Assert.Equal(1000.5, ds.GetNumber(new DicomTag(0x0018, 0x9087)));

        ds.SetRows(128);
        Assert.Equal(128, ds.Rows);
        Assert.True(ds.Remove(DicomTags.Rows));
        Assert.False(ds.Remove(DicomTags.Rows));
        Assert.Null(ds.Rows);
        ds.SetNumberOfFrames(null);
        Assert.False(ds.Contains(DicomTags.NumberOfFrames));
        Assert.Throws<PixelGenException>(() => ds.SetRows(70000));
    }

    [Fact]
    public void SequencesHoldMutableItems()
    {
        var ds = new MutableDicomDataset();
        var item = ds.AddSequenceItem(DicomTags.VoiLutSequence);
        item.SetUInt16(DicomTags.LutDescriptor, 4, 0, 16);
        ds.AddSequenceItem(DicomTags.VoiLutSequence).SetString(DicomTags.LutExplanation, DicomVR.LO, "second");
        Assert.Equal(2, ds.VoiLutSequence.Count);
        Assert.Equal(new double[] { 4, 0, 16 }, ds.VoiLutSequence[0].GetNumbers(DicomTags.LutDescriptor));
        ds.GetOrAddSequence(DicomTags.VoiLutSequence).RemoveAt(0);
        Assert.Equal("second", ds.VoiLutSequence[0].GetString(DicomTags.LutExplanation));
    }

    [Fact]
    public void ToMutableKeepsDeferredValuesUnread()
    {
        var bytes = new byte[1 << 16];
        new Random(5).NextBytes(bytes);
        using var source = new TrackingSource(bytes);
        var deferred = new DicomElement(DicomTags.PixelData, DicomVR.OW, source, 0, (uint)bytes.Length, true, -1);
        var parsed = new DicomDataset([deferred, new DicomElement(DicomTags.Rows, DicomVR.US, new byte[] { 2, 0 }),
            new DicomElement(DicomTags.VoiLutSequence, [new DicomDataset([new DicomElement(DicomTags.LutExplanation, DicomVR.LO, "AB"u8.ToArray())])])]);
        var mutable = parsed.ToMutable(TransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(0, source.BytesRead);
        Assert.Same(deferred, mutable[DicomTags.PixelData]);
        Assert.False(mutable[DicomTags.PixelData]!.IsValueLoaded);
        Assert.IsType<MutableDicomDataset>(mutable.VoiLutSequence[0]);
        mutable.GetOrAddSequence(DicomTags.VoiLutSequence)[0].SetString(DicomTags.LutExplanation, DicomVR.LO, "CHANGED");
        Assert.Equal("AB", parsed.VoiLutSequence[0].GetString(DicomTags.LutExplanation)); // the original is untouched
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian, mutable.TransferSyntax);
    }

    [Fact]
    public void LowLevelPixelBytesChangeNothingElse()
    {
        var ds = TestData.Image(4, 6);
        var before = ds.Where(e => e.Tag != DicomTags.PixelData).Select(e => (e.Tag, e.RawValue.ToArray())).ToList();
        ds.SetPixelDataBytes(new byte[10]);
        var after = ds.Where(e => e.Tag != DicomTags.PixelData).Select(e => (e.Tag, e.RawValue.ToArray())).ToList();
        Assert.Equal(before.Count, after.Count);
        for (int i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Tag, after[i].Tag);
            Assert.Equal(before[i].Item2, after[i].Item2);
        }
        Assert.Equal(10u, ds[DicomTags.PixelData]!.Length);
        Assert.Equal(DicomVR.OW, ds[DicomTags.PixelData]!.VR);
    }
}

/// <summary>An in-memory source that records how much was read and the largest single read.</summary>
internal sealed class TrackingSource(byte[] data) : IRandomAccessSource
{
    private readonly MemorySource _inner = new(data);
    public long BytesRead;
    public int LargestRead;
    public long Length => _inner.Length;
    public int Read(long offset, Span<byte> destination)
    {
        int n = _inner.Read(offset, destination);
        Interlocked.Add(ref BytesRead, n);
        LargestRead = Math.Max(LargestRead, destination.Length);
        return n;
    }
    public void Dispose() { }
}
