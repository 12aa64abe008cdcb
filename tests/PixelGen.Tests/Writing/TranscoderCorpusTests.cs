using System.Text.Json;
using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Tests.Support;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

/// <summary>Every native / RLE / deflated corpus file to each other syntax and back: decoded pixels unchanged.</summary>
public class TranscoderCorpusTests
{
    public static TheoryData<string> Files => Corpus.FileNames();

    [Theory]
    [MemberData(nameof(Files))]
    public void TranscodesToEverySyntaxAndBackWithPixelsUnchanged(string name)
    {
        if (!Corpus.Available) return;
        var reference = Corpus.Reference(name);
        if (Corpus.ExpectsError(reference)) return;
        using var original = FrameReader.Open(Corpus.FilePath(name));
        var from = original.TransferSyntax;
        if (!Transcoder.Targets.Contains(from)) return; // JPEG family: no encoder here
        string? expected = CorpusRoundTripTests.TryHash(original);
        if (expected is null or "undecodable") return;
        if (PixelConsistency.Find(original.Dataset!.ToMutable(from), from).Count > 0) return; // truncated or padded sources are refused

        foreach (var target in Transcoder.Targets)
        {
            if (target == from) continue;
            if (original.Layout.BitsAllocated == 1 && target.IsEncapsulated != from.IsEncapsulated) continue; // 1-bit: native only
            if (original.Layout.Kind != Layout.PixelDataKind.Integer && target.IsEncapsulated) continue; // float: no RLE
            var there = WrittenFiles.Transcode(original, target);
            using var thereReader = WrittenFiles.Open(there);
            Assert.Equal(target.Uid, thereReader.TransferSyntax.Uid);
            Assert.True(expected == WrittenFiles.DecodedHash(thereReader), $"{name} → {target.Name}: decoded pixels changed");
            WrittenFiles.AssertSameElements(original.Dataset!, thereReader.Dataset!, $"{name} → {target.Name}", !target.IsExplicitVR || !from.IsExplicitVR, ChangedByTranscoding);

            var back = WrittenFiles.Transcode(thereReader, from);
            using var backReader = WrittenFiles.Open(back);
            Assert.True(expected == WrittenFiles.DecodedHash(backReader), $"{name} → {target.Name} → back: decoded pixels changed");
        }
    }

    /// <summary>Attributes a transcode may legitimately change (decoded frames are interleaved; 4:2:2 is upsampled).</summary>
    private static readonly DicomTag[] ChangedByTranscoding =
    [
        DicomTags.PixelData, DicomTags.PlanarConfiguration, DicomTags.PhotometricInterpretation,
        DicomTags.ExtendedOffsetTable, DicomTags.ExtendedOffsetTableLengths,
    ];
}
