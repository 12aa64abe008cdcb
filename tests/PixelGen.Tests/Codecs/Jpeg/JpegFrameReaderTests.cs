using System.Text.Json;
using PixelGen.Codecs.Jpeg;
using PixelGen.Frames;
using PixelGen.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>
/// The JPEG corpus files through the core's <see cref="FrameReader"/> (frames found by the reader, layout from the
/// data set, codec from the <see cref="FrameDecoders"/> registry) instead of slicing with the reference JSON.
/// </summary>
public sealed class JpegFrameReaderTests
{
    public static TheoryData<string> Files() => CorpusFrameSlices.FilesWithTransferSyntax([.. JpegCorpusFrames.DctSyntaxes, .. JpegCorpusFrames.LosslessSyntaxes]);

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_frames_found_by_the_frame_reader(string name)
    {
        if (!Corpus.Available) return;
        JpegCodecs.Register();
        var r = Corpus.Reference(name);
        using var reader = FrameReader.Open(Corpus.FilePath(name));
        var layout = reader.Layout;
        Assert.Equal(CorpusFrameSlices.Layout(r) with { NumberOfFrames = layout.NumberOfFrames, PixelDataVR = layout.PixelDataVR }, layout);
        var decoder = FrameDecoders.Find(reader.TransferSyntax, layout);
        Assert.NotNull(decoder);
        bool lossless = JpegCorpusFrames.LosslessSyntaxes.Contains(r.GetProperty("transfer_syntax").GetString());
        Assert.IsType(lossless ? typeof(JpegLosslessDecoder) : typeof(JpegBaselineDecoder), decoder);

        var all = new byte[layout.DecodedFrameLength * reader.NumberOfFrames];
        for (int i = 0; i < reader.NumberOfFrames; i++)
        {
            var raw = reader.ReadFrameRaw(i);
            Assert.Equal(r.GetProperty("frames")[i].GetProperty("raw_sha256").GetString(), Corpus.Sha256(raw));
            decoder.Decode(raw, all.AsSpan((int)(i * layout.DecodedFrameLength), (int)layout.DecodedFrameLength), layout);
        }
        if (lossless)
        {
            var expected = r.TryGetProperty("bits_stored_masked", out var m) ? m.GetProperty("sha256").GetString() : r.GetProperty("decoded_sha256").GetString();
            Assert.Equal(expected, Corpus.Sha256(all));
        }
        else
        {
            var reference = CorpusFrameSlices.ReferencePixels(name)!;
            if (r.TryGetProperty("bits_stored_masked", out _)) reference = JpegCorpusTests.MaskLikeContract(reference, layout);
            Assert.True(CorpusFrameSlices.MaxAbsDifference(all, reference, layout).MaxDiff <= 0); // bit-exact: see JpegCorpusTests
        }
    }
}
