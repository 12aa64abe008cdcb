using PixelGen.Dicom;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

public class PixelConsistencyTests
{
    private static PixelConsistencyException Rejected(MutableDicomDataset ds, TransferSyntax? ts = null)
        => Assert.Throws<PixelConsistencyException>(() => TestData.Write(ds, ts ?? ds.TransferSyntax ?? TransferSyntax.ExplicitVRLittleEndian));

    [Fact]
    public void SeedDownsampleWithStaleRowsAndColumnsIsRejectedNamingBoth()
    {
        // The seed's warning: shrink 512×512 to 256×256, assign the bytes, forget Rows and Columns.
        var ds = TestData.Image(512, 512);
        ds.SetPixelDataBytes(new byte[256 * 256 * 2]);
        var ex = Rejected(ds);
        Assert.Contains("Rows is 512 but the pixel data holds 256 rows", ex.Message);
        Assert.Contains("Columns is 512 but the pixel data holds 256 columns", ex.Message);
        Assert.Equal(["Rows", "Columns"], ex.Problems.Select(p => p.Attribute));
        Assert.Equal("256", ex.Problems[0].Expected);
        Assert.IsAssignableFrom<PixelGenException>(ex);

        // Explicitly turned off, the user gets what they asked for.
        var written = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian, new WriteOptions { SkipConsistencyCheck = true }));
        Assert.Equal(512, written.UShort(DicomTags.Rows));
    }

    [Fact]
    public void OneStaleDimensionOrFrameCountIsNamed()
    {
        var rows = TestData.Image(10, 20);
        rows.SetPixelDataBytes(new byte[5 * 20 * 2]);
        Assert.Equal("Rows", Assert.Single(Rejected(rows).Problems).Attribute);

        var frames = TestData.Image(8, 8);
        frames.SetPixelDataBytes(new byte[4 * 8 * 8 * 2]);
        var ex = Rejected(frames);
        Assert.Contains("NumberOfFrames is absent (1) but the pixel data holds 4 frames", ex.Message);

        var bits = TestData.Image(8, 8);
        bits.SetPixelDataBytes(new byte[8 * 8]);
        Assert.Contains(Rejected(bits).Problems, p => p.Attribute is "Rows" or "BitsAllocated");
    }

    [Fact]
    public void AttributeRulesAreCheckedTogether()
    {
        var ds = TestData.Image(4, 4);
        ds.SetBitsStored(20);
        ds.SetPlanarConfiguration(0);
        ds.SetPhotometricInterpretation("RGB");
        var ex = Rejected(ds);
        Assert.Contains("BitsStored is 20 but BitsAllocated is 16: expected at most 16", ex.Message);
        Assert.Contains("PlanarConfiguration is 0 but SamplesPerPixel is 1", ex.Message);
        Assert.Contains("PhotometricInterpretation is RGB but SamplesPerPixel is 1", ex.Message);
        Assert.Equal(3, ex.Problems.Count);
    }

    [Fact]
    public void HighBitMustAgreeWithBitsStored()
    {
        var ds = TestData.Image(4, 4);
        ds.SetBitsStored(12);
        ds.SetHighBit(3);
        Assert.Contains("HighBit is 3 but BitsStored is 12: expected 11", Rejected(ds).Message);
    }

    [Fact]
    public void TransferSyntaxMustMatchNativeOrEncapsulatedData()
    {
        var native = TestData.Image(4, 4);
        var ex = Rejected(native, TransferSyntax.RleLossless);
        Assert.Equal("TransferSyntaxUID", Assert.Single(ex.Problems).Attribute);

        var encapsulated = TestData.Image(4, 4);
        encapsulated.SetEncapsulatedFrames([new byte[4]]);
        Assert.Contains("is 1.2.840.10008.1.2.1 (Explicit VR Little Endian, native) but the pixel data is encapsulated", Rejected(encapsulated).Message);
    }

    [Fact]
    public void EncapsulatedFrameCountMustMatchNumberOfFrames()
    {
        var ds = TestData.Image(4, 4, frames: 3);
        ds.SetEncapsulatedFrames([new byte[4], new byte[4]]);
        var ex = Rejected(ds, TransferSyntax.RleLossless);
        Assert.Contains("NumberOfFrames is 3 but the pixel data holds 2 frames", ex.Message);
    }

    [Fact]
    public void OnePadByteIsAllowedAndYbrFull422UsesTwoThirds()
    {
        var odd = TestData.Image(3, 3);
        odd.SetBitsAllocated(8);
        odd.SetBitsStored(8);
        odd.SetHighBit(7);
        odd.SetPixelDataBytes(new byte[10], DicomVR.OB); // 9 bytes + pad
        TestData.Write(odd, TransferSyntax.ExplicitVRLittleEndian);
        odd.SetPixelDataBytes(new byte[12], DicomVR.OB);
        Rejected(odd);

        var ybr = TestData.Image(2, 4);
        ybr.SetPixelData(new byte[2 * 4 * 3], PixelArrayShape.Single(2, 4, 3));
        ybr.SetPhotometricInterpretation("YBR_FULL_422");
        ybr.SetPixelDataBytes(new byte[2 * 4 * 2]); // 4:2:2 stores 2 samples per pixel
        TestData.Write(ybr, TransferSyntax.ExplicitVRLittleEndian);
        ybr.SetPixelDataBytes(new byte[2 * 4 * 3]);
        Assert.Contains(Rejected(ybr).Problems, p => p.Message.Contains("16 needs", StringComparison.Ordinal) || p.Message.Contains("needs 16", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingAttributesAreNamed()
    {
        var ds = TestData.Image(4, 4);
        ds.Remove(DicomTags.Columns, DicomTags.BitsStored);
        var ex = Rejected(ds);
        Assert.Contains(ex.Problems, p => p.Attribute == "Columns" && p.Actual == "absent");
        Assert.Contains(ex.Problems, p => p.Attribute == "BitsStored" && p.Actual == "absent");
    }

    [Fact]
    public void DataSetsWithoutPixelDataPass()
    {
        var ds = new MutableDicomDataset();
        ds.SetString(DicomTags.SopClassUid, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
        ds.SetString(DicomTags.SopInstanceUid, DicomVR.UI, "1.2.3");
        Assert.Empty(PixelConsistency.Find(ds, TransferSyntax.ExplicitVRLittleEndian));
        OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
    }
}
