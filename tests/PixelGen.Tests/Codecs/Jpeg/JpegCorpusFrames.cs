using System.Text.Json;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>
/// Corpus access for the JPEG tests: frames sliced from the file with the reference JSON
/// (frames[i].fragment_indices → fragments[j].data_offset/length, concatenated), the layout from the reference.
/// </summary>
internal static class JpegCorpusFrames
{
    public static readonly string[] DctSyntaxes = ["1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.53", "1.2.840.10008.1.2.4.55"];
    public static readonly string[] LosslessSyntaxes = ["1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"];

    /// <summary>Corpus files whose transfer syntax is one of <paramref name="syntaxes"/> and that are not negative cases.</summary>
    public static TheoryData<string> Files(params string[] syntaxes)
    {
        var data = new TheoryData<string>();
        if (!Corpus.Available) { data.Add("(corpus not available)"); return data; }
        foreach (string name in Corpus.FileNames())
        {
            var r = Corpus.Reference(name);
            var ts = r.TryGetProperty("transfer_syntax", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            bool negative = Corpus.ExpectsError(r);
            if (ts is not null && syntaxes.Contains(ts) && !negative) data.Add(name);
        }
        return data;
    }

    public static FrameLayout Layout(JsonElement r) => CorpusFrameSlices.Layout(r);

    /// <summary>The bytes of every frame, in order.</summary>
    public static List<byte[]> Frames(string name, JsonElement r)
    {
        var result = new List<byte[]>();
        var frames = r.GetProperty("frames");
        for (int i = 0; i < frames.GetArrayLength(); i++)
        {
            var frame = CorpusFrameSlices.Frame(name, r, i);
            Assert.Equal(frames[i].GetProperty("raw_sha256").GetString(), Corpus.Sha256(frame));
            result.Add(frame);
        }
        return result;
    }

    /// <summary>The whole reference array (<c>NAME.pixels.bin.gz</c>), or null when the corpus has none.</summary>
    public static byte[]? ReferencePixels(string name) => CorpusFrameSlices.ReferencePixels(name);

    /// <summary>Largest |a - b| over elements of <paramref name="layout"/>'s type, and where it is (element index).</summary>
    public static (int Max, long Index, double Mean) MaxAbsDiff(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, FrameLayout layout)
    {
        Assert.Equal(a.Length, b.Length);
        int max = 0; long at = -1; double sum = 0;
        long n = layout.BitsAllocated == 16 ? a.Length / 2 : a.Length;
        for (long i = 0; i < n; i++)
        {
            int va, vb;
            if (layout.BitsAllocated == 16)
            {
                va = layout.IsSigned ? BitConverter.ToInt16(a.Slice((int)i * 2)) : BitConverter.ToUInt16(a.Slice((int)i * 2));
                vb = layout.IsSigned ? BitConverter.ToInt16(b.Slice((int)i * 2)) : BitConverter.ToUInt16(b.Slice((int)i * 2));
            }
            else
            {
                va = layout.IsSigned ? (sbyte)a[(int)i] : a[(int)i];
                vb = layout.IsSigned ? (sbyte)b[(int)i] : b[(int)i];
            }
            int d = Math.Abs(va - vb);
            sum += d;
            if (d > max) { max = d; at = i; }
        }
        return (max, at, n == 0 ? 0 : sum / n);
    }
}
