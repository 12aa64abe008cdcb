using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Frames;

/// <summary>The seed's published numbers and its pixel-only-stream example, on the real emri_small.dcm.</summary>
public class SeedTests
{
    [Fact]
    public void Emri_small_reproduces_2324_2336_and_frames_every_8192_bytes()
    {
        if (!Corpus.Available) return;
        using var reader = FrameReader.Open(Corpus.FilePath("emri_small.dcm"));
        Assert.Equal(10, reader.NumberOfFrames);
        Assert.Equal(2324, reader.FrameInfo.PixelDataElementOffset);
        Assert.Equal(2336, reader.FrameInfo.FirstFrameOffset);
        for (int i = 0; i < 10; i++) Assert.Equal(2336 + 8192L * i, reader.FrameInfo.Frames[i].Offset);
        Assert.Equal("1.2.840.10008.1.2.1", reader.TransferSyntax.Uid);
        Assert.Equal(12, reader.Layout.BitsStored);
    }

    [Theory]
    [InlineData("emri_small.dcm")]
    [InlineData("emri_small_RLE.dcm")]
    [InlineData("liver_nonbyte_aligned.dcm")]
    public void Pixel_data_copied_into_a_memory_stream_reads_byte_identical_frames(string name)
    {
        if (!Corpus.Available) return;
        var bytes = File.ReadAllBytes(Corpus.FilePath(name));
        FrameInfo info;
        byte[][] original;
        using (var reader = FrameReader.Open(Corpus.FilePath(name)))
        {
            info = reader.FrameInfo;
            original = Enumerable.Range(0, reader.NumberOfFrames).Select(reader.ReadFrameRaw).ToArray();
        }
        using var pixelOnly = new MemoryStream(bytes.AsSpan((int)info.PixelDataElementOffset).ToArray());
        var stored = info.Rebase(0).ToJson(); // what would go to a database
        using var again = new FrameReader(pixelOnly, FrameInfo.FromJson(stored));
        for (int i = 0; i < original.Length; i++) Assert.Equal(original[i], again.ReadFrameRaw(i));
    }

    [Fact]
    public void Corpus_quirks_are_tolerated_with_warnings()
    {
        if (!Corpus.Available) return;
        using (var f = DicomFileReader.Read(Corpus.FilePath("SC_rgb_jpeg.dcm")))
            Assert.Contains(f.Warnings, w => w.Contains("Expected explicit VR, but found implicit VR", StringComparison.Ordinal));
        using (var f = DicomFileReader.Read(Corpus.FilePath("MR-SIEMENS-DICOM-WithOverlays.dcm")))
        {
            var icon = Assert.Single(f.Dataset.GetSequence(DicomTags.IconImageSequence));
            Assert.True(icon.Contains(DicomTags.PixelData));
            Assert.Equal(42404, f.PixelData!.ElementOffset);
        }
        using (var f = DicomFileReader.Read(Corpus.FilePath("image_dfl.dcm")))
        {
            Assert.Equal(334, f.DeflatedStreamOffset);
            Assert.Equal(526, f.PixelData!.ElementOffset);
        }
        using (var f = DicomFileReader.Read(Corpus.FilePath("OT-PAL-8-face.dcm")))
        {
            Assert.True(f.IsTransferSyntaxAssumed);
            Assert.Equal(TransferSyntax.ImplicitVRLittleEndian, f.TransferSyntax);
        }
        using (var f = DicomFileReader.Read(Corpus.FilePath("gdcm-US-ALOKA-16.dcm")))
            Assert.Equal(DicomVR.US, f.Dataset[DicomTags.RedPaletteColorLookupTableDescriptor]!.VR);
    }
}
