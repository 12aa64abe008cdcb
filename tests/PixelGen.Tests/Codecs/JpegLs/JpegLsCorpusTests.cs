using PixelGen.Codecs.JpegLs;
using PixelGen.Tests.Support;
using Xunit.Abstractions;

namespace PixelGen.Tests.Codecs.JpegLs;

/// <summary>Every JPEG-LS file of the corpus, frame by frame, against the reference decodes.</summary>
public class JpegLsCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
        => CorpusFrameSlices.FilesWithTransferSyntax("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_like_the_reference(string name)
    {
        if (!Corpus.Available) return;
        var reference = Corpus.Reference(name);
        var layout = CorpusFrameSlices.Layout(reference);
        bool lossy = reference.GetProperty("lossy").GetBoolean();
        var all = lossy ? CorpusFrameSlices.ReferencePixels(name) : null;
        var decoded = new byte[layout.DecodedFrameLength];
        for (int f = 0; f < layout.NumberOfFrames; f++)
        {
            var frame = CorpusFrameSlices.Frame(name, reference, f);
            JpegLsCodec.Instance.Decode(frame, decoded, layout);
            if (!lossy)
            {
                // Lossless: exact. Where Bits Stored < Bits Allocated the expected hash is bits_stored_masked: our
                // contract masks to Bits Stored and sign-extends, pydicom 2.3.1 does neither. JLSL_16_15_1_1F.dcm is
                // the case where it matters: its reference decode is unsigned 15-bit codes (7..32760) in int16.
                Assert.Equal(CorpusFrameSlices.ExpectedFrameHash(reference, f), Corpus.Sha256(decoded));
            }
            else
            {
                // NEAR > 0: JPEG-LS reconstruction is fully specified (T.87 A.4.4), so every conformant decoder
                // (GDCM/CharLS made the reference) gives the same values: tolerance 0.
                Assert.NotNull(all);
                var expected = all.AsSpan((int)(f * layout.DecodedFrameLength), (int)layout.DecodedFrameLength);
                var (max, at, _) = CorpusFrameSlices.MaxAbsDifference(decoded, expected, layout);
                output.WriteLine($"{name} frame {f}: max |difference| {max} (first at element {at})");
                Assert.Equal(0, max);
            }
        }
    }
}
