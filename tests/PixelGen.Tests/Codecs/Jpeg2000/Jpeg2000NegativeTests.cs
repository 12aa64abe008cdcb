using PixelGen.Codecs.Jpeg2000;
using PixelGen.Pixels;
using PixelGen.Tests.Support;
using Xunit.Abstractions;

namespace PixelGen.Tests.Codecs.Jpeg2000;

/// <summary>Negative corpus files, corrupt codestreams and a missing OpenJPEG: PixelGen's exceptions only.</summary>
public class Jpeg2000NegativeTests(ITestOutputHelper output)
{
    [Fact]
    public void Embedded_sequence_delimiter_is_rejected_by_the_managed_header_check()
    {
        if (!Corpus.Available) return;
        const string name = "JPEG2000-embedded-sequence-delimiter.dcm";
        var reference = Corpus.Reference(name);
        var layout = CorpusFrameSlices.Layout(reference);
        var frame = CorpusFrameSlices.Frame(name, reference, 0);
        // The FFFE,E0DD bytes land in the SIZ marker: Xsiz reads 3722445056. GDCM returned an uninitialised buffer;
        // we refuse before OpenJPEG runs (so this holds with or without the library).
        var e = Assert.ThrowsAny<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(frame, new byte[layout.DecodedFrameLength], layout));
        Assert.IsNotType<CodecUnavailableException>(e);
        output.WriteLine(e.Message);
    }

    [SkippableFact]
    public void HTJ2K_08_RGB_decodes_with_OpenJPEG_2_5()
    {
        if (!Corpus.Available) return;
        OpenJpegRequirement.Ensure();
        const string name = "HTJ2K_08_RGB.dcm";
        var reference = Corpus.Reference(name);
        var layout = CorpusFrameSlices.Layout(reference);
        var decoded = new byte[layout.DecodedFrameLength];
        var frame = CorpusFrameSlices.Frame(name, reference, 0);
        // The reference's expect_error is pydicom 2.3.1 having no HTJ2K handler; the corpus notes allow "fail with
        // unsupported, or decode". OpenJPEG >= 2.5 decodes it; older versions must give CodecUnavailableException.
        if (!Jpeg2000Codec.IsAvailable || Jpeg2000Codec.LibraryVersion!.StartsWith("2.4") || Jpeg2000Codec.LibraryVersion.StartsWith("2.3"))
        {
            Assert.Throws<CodecUnavailableException>(() => Jpeg2000Codec.HighThroughput.Decode(frame, decoded, layout));
            return;
        }
        Jpeg2000Codec.HighThroughput.Decode(frame, decoded, layout);
        output.WriteLine($"OpenJPEG {Jpeg2000Codec.LibraryVersion}: {Corpus.Sha256(decoded)}");
        // No reference pixels exist. Independent of our glue code: the PPM body written by OpenJPEG 2.5.0's own
        // opj_decompress for this codestream (cross-check made by hand, see Fixtures README) has this SHA-256.
        // The 9-7 wavelet is floating point, so another OpenJPEG version may round differently: compare only on 2.5.0.
        if (Jpeg2000Codec.LibraryVersion == "2.5.0")
            Assert.Equal("16463ac9d0b0c70eed678971adf2076815b73148cff485ade090beb64868f7e3", Corpus.Sha256(decoded));
    }
}
