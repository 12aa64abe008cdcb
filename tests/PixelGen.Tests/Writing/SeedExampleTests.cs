using System.Runtime.InteropServices;
using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Pixels;
using PixelGen.Tests.Support;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

/// <summary>The seed's write-back examples on MR_small.dcm (64×64 16-bit signed, Explicit VR Little Endian).</summary>
public sealed class SeedExampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixelgen-seed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ThresholdBelow300AndSaveChangesOnlyThePixelData()
    {
        if (!Corpus.Available) return;
        var output = Path.Combine(_folder, "temp.dcm");
        short[] expected;
        using (var reader = FrameReader.Open(Corpus.FilePath("MR_small.dcm")))
        {
            // arr = ds.pixel_array; arr[arr < 300] = 0; ds.PixelData = arr.tobytes(); ds.save_as("temp.dcm")
            var ds = reader.Dataset!.ToMutable(reader.TransferSyntax);
            ds.FileMeta = reader.File!.FileMetaInformation;
            var arr = (PixelVolume<short>)reader.ReadAllFrames();
            foreach (ref var v in arr.Span) if (v < 300) v = 0;
            expected = arr.Span.ToArray();
            ds.SetPixelDataBytes(MemoryMarshal.AsBytes(arr.Span).ToArray());
            ds.Save(output);

            using var saved = FrameReader.Open(output);
            WrittenFiles.AssertSameElements(reader.Dataset!, saved.Dataset!, "threshold", DicomTags.PixelData);
            WrittenFiles.AssertSameElements(reader.File.FileMetaInformation, saved.File!.FileMetaInformation, "meta",
                DicomTags.ImplementationClassUid, DicomTags.ImplementationVersionName, new DicomTag(0x0002, 0x0016));
            var back = (PixelVolume<short>)saved.ReadAllFrames();
            Assert.Equal(expected, back.Span.ToArray());
            Assert.Contains(expected, v => v == 0);
            Assert.DoesNotContain(expected, v => v is > 0 and < 300);
        }
    }

    [Fact]
    public void DownsampleWithSetPixelDataUpdatesRowsAndColumns()
    {
        if (!Corpus.Available) return;
        var output = Path.Combine(_folder, "small.dcm");
        using var reader = FrameReader.Open(Corpus.FilePath("MR_small.dcm"));
        var ds = reader.Dataset!.ToMutable(reader.TransferSyntax);
        var arr = (PixelVolume<short>)reader.ReadAllFrames();
        var half = new short[32 * 32];
        for (int r = 0; r < 32; r++)
            for (int c = 0; c < 32; c++) half[r * 32 + c] = arr[0, 2 * r, 2 * c];
        ds.SetPixelData(half, PixelArrayShape.Single(32, 32), new SetPixelDataOptions { BitsStored = reader.Layout.BitsStored });
        ds.Save(output);

        using var saved = FrameReader.Open(output);
        Assert.Equal(32, saved.Layout.Rows);
        Assert.Equal(32, saved.Layout.Columns);
        Assert.Equal(reader.Layout.BitsStored, saved.Layout.BitsStored);
        Assert.Equal(reader.Layout.PhotometricInterpretation, saved.Layout.PhotometricInterpretation);
        Assert.Equal(half, ((PixelVolume<short>)saved.ReadAllFrames()).Span.ToArray());
        WrittenFiles.AssertSameElements(reader.Dataset!, saved.Dataset!, "downsample", DicomTags.PixelData, DicomTags.Rows, DicomTags.Columns,
            new DicomTag(0x0028, 0x0106), new DicomTag(0x0028, 0x0107)); // Smallest/Largest Image Pixel Value: stale, removed by SetPixelData
    }

    [Fact]
    public void LowLevelDownsampleWithStaleRowsIsRejectedAndTheOriginalKept()
    {
        if (!Corpus.Available) return;
        var path = Path.Combine(_folder, "mr.dcm");
        File.Copy(Corpus.FilePath("MR_small.dcm"), path);
        var before = File.ReadAllBytes(path);
        using (var reader = FrameReader.Open(path))
        {
            var ds = reader.Dataset!.ToMutable(reader.TransferSyntax);
            ds.SetPixelDataBytes(new byte[32 * 32 * 2]); // shrunk by hand, Rows/Columns forgotten
            var ex = Assert.Throws<PixelConsistencyException>(() => ds.Save(path));
            Assert.Contains("Rows is 64 but the pixel data holds 32 rows", ex.Message);
            Assert.Contains("Columns is 64 but the pixel data holds 32 columns", ex.Message);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void SaveOverTheFileItWasReadFromKeepsDeferredValues()
    {
        if (!Corpus.Available) return;
        var path = Path.Combine(_folder, "emri.dcm");
        File.Copy(Corpus.FilePath("emri_small.dcm"), path);
        string expected;
        using (var reader = FrameReader.Open(path))
        {
            expected = WrittenFiles.DecodedHash(reader);
            var ds = reader.Dataset!.ToMutable(reader.TransferSyntax);
            ds.SetString(new DicomTag(0x0010, 0x0010), DicomVR.PN, "Renamed^Patient");
            ds.Save(path); // pixel data is still deferred in the file being replaced
        }
        using var saved = FrameReader.Open(path);
        Assert.Equal(expected, WrittenFiles.DecodedHash(saved));
        Assert.Equal("Renamed^Patient", saved.Dataset!.GetString(new DicomTag(0x0010, 0x0010)));
    }
}
