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
}
