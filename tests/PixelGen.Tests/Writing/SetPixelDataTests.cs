using PixelGen.Dicom;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

public class SetPixelDataTests
{
    [Fact]
    public void SetsEveryImagePixelAttributeFromTheShapeAndType()
    {
        var ds = TestData.Image(512, 512);
        ds.SetPlanarConfiguration(1); // stale leftovers that must go
        ds.SetPixelData(new short[2 * 3 * 5], new PixelArrayShape(2, 3, 5));
        Assert.Equal(3, ds.Rows);
        Assert.Equal(5, ds.Columns);
        Assert.Equal(1, ds.SamplesPerPixel);
        Assert.Equal(2, ds.NumberOfFrames);
        Assert.Equal(16, ds.BitsAllocated);
        Assert.Equal(16, ds.BitsStored);
        Assert.Equal(15, ds.HighBit);
        Assert.Equal(1, ds.PixelRepresentation);
        Assert.Null(ds.PlanarConfiguration);
        Assert.Equal("MONOCHROME2", ds.PhotometricInterpretation);
        Assert.Equal(60u, ds[DicomTags.PixelData]!.Length);
        Assert.Empty(PixelConsistency.Find(ds, ds.TransferSyntax!));
    }

    [Fact]
    public void ColourPixelsGetPlanarZeroAndAValidPhotometric()
    {
        var ds = TestData.Image();
        ds.SetPhotometricInterpretation("YBR_FULL_422");
        ds.SetPixelData(new byte[2 * 2 * 3], PixelArrayShape.Single(2, 2, 3));
        Assert.Equal(3, ds.SamplesPerPixel);
        Assert.Equal(0, ds.PlanarConfiguration);
        Assert.Equal("YBR_FULL", ds.PhotometricInterpretation); // decoded 4:2:2 is full resolution
        Assert.Equal(8, ds.BitsAllocated);
        Assert.Equal(DicomVR.OB, ds[DicomTags.PixelData]!.VR);

        ds.SetPhotometricInterpretation("MONOCHROME1");
        ds.SetPixelData(new byte[4 * 3], PixelArrayShape.Single(2, 2, 3));
        Assert.Equal("RGB", ds.PhotometricInterpretation);
        ds.SetPixelData(new byte[4 * 3], PixelArrayShape.Single(2, 2, 3), new SetPixelDataOptions { PhotometricInterpretation = "YBR_FULL" });
        Assert.Equal("YBR_FULL", ds.PhotometricInterpretation);
        Assert.Throws<PixelDataException>(() => ds.SetPixelData(new byte[4], PixelArrayShape.Single(2, 2), new SetPixelDataOptions { PhotometricInterpretation = "RGB" }));
    }

    [Fact]
    public void KeepsMonochrome1AndPaletteWhenStillValid()
    {
        var ds = TestData.Image();
        ds.SetPhotometricInterpretation("MONOCHROME1");
        ds.SetPixelData(new ushort[4], PixelArrayShape.Single(2, 2));
        Assert.Equal("MONOCHROME1", ds.PhotometricInterpretation);
    }

    [Fact]
    public void EncapsulatedSyntaxBecomesExplicitLittleEndianAndNativeSyntaxIsKept()
    {
        var ds = TestData.Image();
        ds.TransferSyntax = TransferSyntax.RleLossless;
        ds.SetPixelData(new ushort[4], PixelArrayShape.Single(2, 2));
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian, ds.TransferSyntax);
        ds.TransferSyntax = TransferSyntax.ExplicitVRBigEndian;
        ds.SetPixelData(new ushort[4], PixelArrayShape.Single(2, 2));
        Assert.Equal(TransferSyntax.ExplicitVRBigEndian, ds.TransferSyntax);
        Assert.Throws<PixelGenException>(() => ds.SetPixelData(new ushort[4], PixelArrayShape.Single(2, 2), new SetPixelDataOptions { TransferSyntax = TransferSyntax.RleLossless }));
    }

    [Fact]
    public void BitsStoredOptionChecksTheValues()
    {
        var ds = TestData.Image();
        ds.SetPixelData(new ushort[] { 0, 4095, 12, 7 }, PixelArrayShape.Single(2, 2), new SetPixelDataOptions { BitsStored = 12 });
        Assert.Equal(12, ds.BitsStored);
        Assert.Equal(11, ds.HighBit);
        var ex = Assert.Throws<PixelConsistencyException>(() => ds.SetPixelData(new ushort[] { 0, 4096, 12, 7 }, PixelArrayShape.Single(2, 2), new SetPixelDataOptions { BitsStored = 12 }));
        Assert.Contains("BitsStored 12 cannot hold", ex.Message);
        Assert.Throws<PixelConsistencyException>(() => ds.SetPixelData(new short[] { -2049, 0, 0, 0 }, PixelArrayShape.Single(2, 2), new SetPixelDataOptions { BitsStored = 12 }));
    }

    [Fact]
    public void FloatPixelsUseFloatPixelDataWithoutIntegerAttributes()
    {
        var ds = TestData.Image();
        ds.SetPixelData(new double[4], PixelArrayShape.Single(2, 2));
        Assert.True(ds.Contains(DicomTags.DoubleFloatPixelData));
        Assert.False(ds.Contains(DicomTags.PixelData));
        Assert.Equal(64, ds.BitsAllocated);
        Assert.False(ds.Contains(DicomTags.BitsStored));
        Assert.False(ds.Contains(DicomTags.PixelRepresentation));
        Assert.Empty(PixelConsistency.Find(ds, TransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void NewSopInstanceUidUpdatesTheMediaStorageUidToo()
    {
        var ds = TestData.Image();
        ds.SetString(DicomTags.MediaStorageSopInstanceUid, DicomVR.UI, "1.2.3.4.5");
        ds.SetPixelData(new ushort[4], PixelArrayShape.Single(2, 2), new SetPixelDataOptions { NewSopInstanceUid = true });
        var uid = ds.GetString(DicomTags.SopInstanceUid)!;
        Assert.StartsWith("2.25.", uid);
        Assert.Equal(uid, ds.GetString(DicomTags.MediaStorageSopInstanceUid));
        var r = OutputReader.Parse(TestData.Write(ds, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(uid, r.MetaString(DicomTags.MediaStorageSopInstanceUid));
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        var ds = TestData.Image();
        Assert.Throws<PixelDataException>(() => ds.SetPixelData(new ushort[5], PixelArrayShape.Single(2, 2)));
        Assert.Throws<PixelDataException>(() => ds.SetPixelData(new ushort[8], PixelArrayShape.Single(2, 2, 2)));
        Assert.Throws<PixelDataException>(() => ds.SetPixelData(new ushort[0], new PixelArrayShape(0, 2, 2)));
    }
}
