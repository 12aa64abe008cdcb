using PixelGen.Dicom;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

internal static class TestData
{
    public static readonly DicomTag PatientName = new(0x0010, 0x0010);
    public static readonly DicomTag ImageType = new(0x0008, 0x0008);
    public static readonly DicomTag SliceThickness = new(0x0018, 0x0050);
    public static readonly DicomTag ReferencedImageSequence = new(0x0008, 0x1140);
    public static readonly DicomTag ReferencedSopClassUid = new(0x0008, 0x1150);
    public static readonly DicomTag FrameIncrementPointer = new(0x0028, 0x0009);
    public static readonly DicomTag ImagePositionPatient = new(0x0020, 0x0032);
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>A 16-bit MONOCHROME2 image with a few attributes of different VRs, a nested sequence and ramp pixels.</summary>
    public static MutableDicomDataset Image(int rows = 4, int columns = 6, int frames = 1)
    {
        var ds = new MutableDicomDataset();
        ds.SetString(DicomTags.SopClassUid, DicomVR.UI, SecondaryCapture);
        ds.SetString(DicomTags.SopInstanceUid, DicomVR.UI, "1.2.3.4.5");
        ds.SetString(DicomTags.Modality, DicomVR.CS, "OT");
        ds.SetString(PatientName, DicomVR.PN, "Doe^Jane");
        ds.SetStrings(ImageType, DicomVR.CS, "DERIVED", "SECONDARY");
        ds.SetDecimalString(SliceThickness, 1.0 / 3.0);
        ds.SetDecimalString(ImagePositionPatient, -125.5, 0, 1e-7);
        ds.SetNumbers(FrameIncrementPointer, DicomVR.AT, 0x00181063);
        var item = ds.AddSequenceItem(ReferencedImageSequence);
        item.SetString(ReferencedSopClassUid, DicomVR.UI, SecondaryCapture);
        item.SetString(new DicomTag(0x0008, 0x1155), DicomVR.UI, "1.2.3.4.6");
        var nested = item.AddSequenceItem(new DicomTag(0x0040, 0xA170));
        nested.SetString(new DicomTag(0x0008, 0x0100), DicomVR.SH, "121322");
        var pixels = Ramp(frames * rows * columns);
        ds.SetPixelData(pixels, new PixelArrayShape(frames, rows, columns));
        return ds;
    }

    public static ushort[] Ramp(int n)
    {
        var a = new ushort[n];
        for (int i = 0; i < n; i++) a[i] = (ushort)(i * 257 + 3);
        return a;
    }

    public static byte[] Write(DicomDataset ds, TransferSyntax ts, WriteOptions? options = null)
    {
        using var ms = new MemoryStream();
        DicomFileWriter.Write(ms, ds, ts, options);
        return ms.ToArray();
    }
}
