using PixelGen.Codecs.Jpeg2000;
using PixelGen.Codecs.JpegLs;
using PixelGen.Frames;
using PixelGen.Pixels;
using PixelGen.Tests.Codecs.Jpeg2000;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.JpegLs;

/// <summary>
/// JPEG-LS and JPEG 2000 files read end to end: FrameReader finds the frames (multi-fragment frames, empty BOTs),
/// the registry finds our codec by transfer syntax, and every frame decodes to the reference.
/// </summary>
public class FrameReaderIntegrationTests
{
    static FrameReaderIntegrationTests()
    {
        JpegLsCodec.Register();
        Jpeg2000Codec.Register();
    }

    public static TheoryData<string> Files() => CorpusFrameSlices.FilesWithTransferSyntax(
        "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Every_frame_decodes_through_the_registry(string name)
    {
        if (!Corpus.Available) return;
        var reference = Corpus.Reference(name);
        if (!reference.GetProperty("transfer_syntax").GetString()!.EndsWith(".80") && !reference.GetProperty("transfer_syntax").GetString()!.EndsWith(".81"))
            OpenJpegRequirement.Ensure();
        using var reader = FrameReader.Open(Corpus.FilePath(name));
        var codec = FrameDecoders.Find(reader.TransferSyntax, reader.Layout);
        Assert.NotNull(codec);
        bool lossy = reference.GetProperty("lossy").GetBoolean();
        var all = lossy ? CorpusFrameSlices.ReferencePixels(name) : null;
        var decoded = new byte[reader.Layout.DecodedFrameLength];
        for (int f = 0; f < reader.NumberOfFrames; f++)
        {
            codec.Decode(reader.ReadFrameRaw(f), decoded, reader.Layout);
            if (!lossy)
                Assert.Equal(CorpusFrameSlices.ExpectedFrameHash(reference, f), Corpus.Sha256(decoded));
            else
                Assert.True(CorpusFrameSlices.MaxAbsDifference(decoded, all.AsSpan((int)(f * decoded.Length), decoded.Length), reader.Layout).MaxDiff <= 2);
        }
    }
}
