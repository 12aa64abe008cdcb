using System.Text.Json;
using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Tests.Support;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

/// <summary>read → write (same transfer syntax) → read again, over the whole corpus.</summary>
public class CorpusRoundTripTests
{
    public static TheoryData<string> Files => Corpus.FileNames();

    [Theory]
    [MemberData(nameof(Files))]
    public void SameSyntaxRoundTripKeepsElementsFramesAndDecodedPixels(string name)
    {
        if (!Corpus.Available) return;
        var reference = Corpus.Reference(name);
        if (Corpus.ExpectsError(reference)) return;

        using var original = FrameReader.Open(Corpus.FilePath(name));
        var ts = original.TransferSyntax;
        var ds = original.Dataset!.ToMutable(ts);
        ds.FileMeta = original.File!.FileMetaInformation;

        // A few test files have no SOP Instance UID at all; write them as they are, without (0002,0003).
        var lenient = new WriteOptions { AllowMissingSopUids = true };
        byte[] written;
        var problems = PixelConsistency.Find(ds, ts);
        if (problems.Count > 0)
        {
            // Only files whose pixel data really disagrees with their attributes are refused; say so and write anyway.
            Assert.True(KnownInconsistent(reference), $"{name} rejected: {string.Join("; ", problems.Select(p => p.Message))}");
            written = Write(ds, lenient with { SkipConsistencyCheck = true });
        }
        else written = Write(ds, lenient);

        using var again = WrittenFiles.Open(written);
        Assert.Equal(ts.Uid, again.TransferSyntax.Uid);
        WrittenFiles.AssertSameElements(original.Dataset!, again.Dataset!, name);
        Assert.Equal(original.NumberOfFrames, again.NumberOfFrames);
        if (problems.Count == 0)
            for (int i = 0; i < original.NumberOfFrames; i++)
                Assert.True(original.ReadFrameRaw(i).AsSpan().SequenceEqual(again.ReadFrameRaw(i)), $"{name}: raw frame {i} differs");

        string? before = TryHash(original), after = TryHash(again);
        Assert.Equal(before, after);
        if (before is not null && WrittenFiles.ReferenceHashes(reference).Contains(before))
            Assert.Contains(after!, WrittenFiles.ReferenceHashes(reference));
    }

    /// <summary>Corpus files whose pixel data really disagrees with their attributes, and why (checked against the reference).</summary>
    private static bool KnownInconsistent(JsonElement reference)
    {
        bool excessOrTruncated = reference.TryGetProperty("trailing_bytes_after_frames", out var t) && t.ValueKind == JsonValueKind.Number && t.GetInt64() is > 1 or < 0;
        bool planarWithOneSample = reference.GetProperty("samples_per_pixel").ValueKind == JsonValueKind.Number && reference.GetProperty("samples_per_pixel").GetInt32() == 1
            && reference.GetProperty("planar_configuration").ValueKind == JsonValueKind.Number;
        return excessOrTruncated || planarWithOneSample;
    }

    private static byte[] Write(MutableDicomDataset ds, WriteOptions? options)
    {
        using var ms = new MemoryStream();
        ds.Write(ms, options);
        return ms.ToArray();
    }

    internal static string? TryHash(FrameReader reader)
    {
        try { return WrittenFiles.DecodedHash(reader); }
        catch (CodecUnavailableException) { return null; }
        catch (PixelDataException) { return "undecodable"; }
    }
}
