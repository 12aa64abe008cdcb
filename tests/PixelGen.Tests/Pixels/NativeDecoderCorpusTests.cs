using PixelGen.Codecs.Rle;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Pixels;

/// <summary>Decoding alone, judged by the corpus: frames are sliced with the reference JSON (no parser involved).</summary>
public class NativeDecoderCorpusTests
{
    [Theory]
    [MemberData(nameof(CorpusFrames.NativeAndRleFiles), MemberType = typeof(CorpusFrames))]
    public void Every_frame_hashes_to_the_reference(string name)
    {
        if (!Corpus.Available) return;
        var r = Corpus.Reference(name);
        var layout = CorpusFrames.Layout(r);
        var space = CorpusFrames.OffsetSpace(name, r);
        bool rle = r.GetProperty("is_encapsulated").GetBoolean();
        IFrameDecoder decoder = rle ? RleDecoder.Instance : NativeFrameDecoder.Instance;
        Assert.True(decoder.CanDecode(layout), layout.ToString());

        var frames = r.GetProperty("frames");
        Assert.Equal(layout.NumberOfFrames, frames.GetArrayLength());
        var output = new byte[layout.DecodedFrameLength];
        for (int i = 0; i < frames.GetArrayLength(); i++)
        {
            Assert.Equal(frames[i].GetProperty("dtype").GetString(), PixelLayoutRules.NumpyName(layout.ElementType));
            var raw = CorpusFrames.RawFrame(space, r, i);
            decoder.Decode(raw, output, layout);
            var (hash, basis) = CorpusFrames.ExpectedHash(name, r, i);
            Assert.True(hash == Corpus.Sha256(output), $"{name} frame {i}: expected {basis} {hash}, got {Corpus.Sha256(output)}");
        }
    }

    [Fact]
    public void Truncated_native_frame_raises_with_offset()
    {
        if (!Corpus.Available) return;
        var r = Corpus.Reference("MR_truncated.dcm");
        var layout = CorpusFrames.Layout(r);
        var file = File.ReadAllBytes(Corpus.FilePath("MR_truncated.dcm"));
        int start = r.GetProperty("pixel_data_value_offset").GetInt32();
        var raw = file.AsSpan(start, Math.Min(r.GetProperty("frame_length").GetInt32(), file.Length - start)).ToArray();
        var ex = Assert.Throws<PixelDataException>(() => NativeFrameDecoder.Instance.Decode(raw, new byte[layout.DecodedFrameLength], layout));
        Assert.Equal(raw.Length, ex.Offset);
    }

    [Fact]
    public void Big_endian_8bit_ow_equals_its_little_endian_twin_and_not_pydicom()
    {
        if (!Corpus.Available) return;
        var be = Decode("OBXXXX1A_expb.dcm");
        var le = Decode("OBXXXX1A.dcm");
        Assert.Equal(le, be);
        // pydicom 2.3.1 left every pair of pixels exchanged; we must differ from it.
        Assert.NotEqual(Corpus.Reference("OBXXXX1A_expb.dcm").GetProperty("decoded_sha256").GetString(), Corpus.Sha256(be));
    }

    [Fact]
    public void Big_endian_32bit_ow_is_swapped_per_word_as_dcmtk_does()
    {
        if (!Corpus.Available) return;
        var r = Corpus.Reference("rtdose_expb.dcm");
        var layout = CorpusFrames.Layout(r);
        Assert.Equal(2, PixelDecoder.SwapUnit(layout));
        var dcmtk = r.GetProperty("cross_checks").GetProperty("external_decoders").GetProperty("dcmconv +te").GetProperty("sha256").GetString();
        Assert.Equal(dcmtk, Corpus.Sha256(Decode("rtdose_expb.dcm")));
    }

    private static byte[] Decode(string name)
    {
        var r = Corpus.Reference(name);
        var layout = CorpusFrames.Layout(r);
        var space = CorpusFrames.OffsetSpace(name, r);
        int n = r.GetProperty("frames").GetArrayLength();
        var all = new byte[layout.DecodedFrameLength * n];
        for (int i = 0; i < n; i++)
            NativeFrameDecoder.Instance.Decode(CorpusFrames.RawFrame(space, r, i), all.AsSpan((int)(i * layout.DecodedFrameLength)), layout);
        return all;
    }
}
