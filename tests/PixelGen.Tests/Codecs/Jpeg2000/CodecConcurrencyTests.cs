using PixelGen.Codecs.Jpeg2000;
using PixelGen.Codecs.JpegLs;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Tests.Codecs.JpegLs;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.Jpeg2000;

/// <summary>Both codecs decode frames on many threads at once (frames are independent) with identical results.</summary>
public class CodecConcurrencyTests
{
    [SkippableFact]
    public void Parallel_decodes_agree_with_a_serial_decode()
    {
        OpenJpegRequirement.Ensure();
        var jls = JpegLsFixtureTests.Cases().Where(c => c.Name != JpegLsFixtureTests.CharLsMaxValFixture)
            .Select(c => (Bytes: File.ReadAllBytes(JpegLsFixtureTests.FixturePath(c.Name + ".jls")), Layout: JpegLsFixtureTests.LayoutFor(c), Codec: (IFrameDecoder)JpegLsCodec.Instance))
            .ToList();
        var j2k = new[] { "mono16_lossless.j2k", "mono16_tiled.j2k", "mono16_irreversible.j2k" }
            .Select(f => (Bytes: Jpeg2000FixtureTests.Fixture(f), Layout: Jpeg2000FixtureTests.Mono16, Codec: (IFrameDecoder)Jpeg2000Codec.Jpeg2000))
            .Append((Bytes: Jpeg2000FixtureTests.Fixture("rgb8_rct.jp2"), Layout: Jpeg2000FixtureTests.Rgb8, Codec: (IFrameDecoder)Jpeg2000Codec.Jpeg2000));
        var work = jls.Concat(j2k).ToList();
        var expected = work.Select(w => { var d = new byte[w.Layout.DecodedFrameLength]; w.Codec.Decode(w.Bytes, d, w.Layout); return Corpus.Sha256(d); }).ToList();

        var failures = 0;
        Parallel.For(0, work.Count * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var w = work[i % work.Count];
            var d = new byte[w.Layout.DecodedFrameLength];
            w.Codec.Decode(w.Bytes, d, w.Layout);
            if (Corpus.Sha256(d) != expected[i % work.Count]) Interlocked.Increment(ref failures);
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void CanDecode_accepts_integer_layouts_the_codecs_write()
    {
        var mono16 = Jpeg2000FixtureTests.Mono16;
        Assert.True(JpegLsCodec.Instance.CanDecode(mono16));
        Assert.False(JpegLsCodec.Instance.CanDecode(mono16 with { BitsAllocated = 32, BitsStored = 32, HighBit = 31 }));
        Assert.False(JpegLsCodec.Instance.CanDecode(mono16 with { BitsAllocated = 32, BitsStored = 32, HighBit = 31, Kind = PixelDataKind.Float }));
        Assert.True(Jpeg2000Codec.Jpeg2000.CanDecode(mono16 with { BitsAllocated = 32, BitsStored = 24, HighBit = 23 }));
        Assert.Equal("RGB", ((IFrameDecoder)JpegLsCodec.Instance).DecodedPhotometricInterpretation(Jpeg2000FixtureTests.Rgb8 with { PhotometricInterpretation = "RGB" }));
        Assert.Equal("YBR_FULL", ((IFrameDecoder)JpegLsCodec.Instance).DecodedPhotometricInterpretation(Jpeg2000FixtureTests.Rgb8 with { PhotometricInterpretation = "YBR_FULL" }));
    }
}
