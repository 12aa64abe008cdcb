using PixelGen.Codecs.Rle;
using PixelGen.Pixels;
using PixelGen.Tests.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.Rle;

/// <summary>The encoder against the corpus: encoding a native twin must decode to what the corpus's RLE file decodes to.</summary>
public class RleCorpusTests
{
    [Theory]
    [InlineData("MR_small.dcm", "MR_small_RLE.dcm")]
    [InlineData("emri_small.dcm", "emri_small_RLE.dcm")]
    [InlineData("SC_rgb.dcm", "SC_rgb_rle.dcm")]
    [InlineData("SC_rgb_16bit.dcm", "SC_rgb_rle_16bit.dcm")]
    [InlineData("SC_rgb_32bit_2frame.dcm", "SC_rgb_rle_32bit_2frame.dcm")]
    [InlineData("rtdose.dcm", "rtdose_rle.dcm")]
    [InlineData("OBXXXX1A_2frame.dcm", "OBXXXX1A_rle_2frame.dcm")]
    public void Encoding_the_native_twin_decodes_like_the_corpus_rle_file(string nativeName, string rleName)
    {
        if (!Corpus.Available) return;
        var nr = Corpus.Reference(nativeName);
        var rr = Corpus.Reference(rleName);
        var nativeLayout = CorpusFrames.Layout(nr);
        var rleLayout = CorpusFrames.Layout(rr);
        var nativeSpace = CorpusFrames.OffsetSpace(nativeName, nr);
        var rleSpace = CorpusFrames.OffsetSpace(rleName, rr);
        int frames = rr.GetProperty("frames").GetArrayLength();
        Assert.Equal(nr.GetProperty("frames").GetArrayLength(), frames);
        for (int i = 0; i < frames; i++)
        {
            var native = CorpusFrames.RawFrame(nativeSpace, nr, i);
            var ours = RleEncoder.EncodeFrame(native, nativeLayout);
            var fromOurs = new byte[rleLayout.DecodedFrameLength];
            RleDecoder.Instance.Decode(ours, fromOurs, rleLayout);
            var fromCorpus = new byte[rleLayout.DecodedFrameLength];
            RleDecoder.Instance.Decode(CorpusFrames.RawFrame(rleSpace, rr, i), fromCorpus, rleLayout);
            Assert.Equal(fromCorpus, fromOurs);
            Assert.Equal(CorpusFrames.ExpectedHash(rleName, rr, i).Hash, Corpus.Sha256(fromOurs));
        }
    }
}
