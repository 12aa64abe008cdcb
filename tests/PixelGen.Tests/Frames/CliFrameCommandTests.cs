using System.Text.Json;
using PixelGen.Tests.Support;
using static PixelGen.Tests.Support.Cli;

namespace PixelGen.Tests.Frames;

/// <summary>The CLI verbs of the frame reader: exit codes, the embedded default and the exact JSON keys.</summary>
public class CliFrameCommandTests
{
    [Fact]
    public void Frames_json_on_the_embedded_default_has_exactly_the_reference_keys()
    {
        var (code, output, _) = Run("frames", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["transfer_syntax", "number_of_frames", "pixel_data_element_offset", "first_frame_offset", "basic_offset_table", "frames"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(8, root.GetProperty("number_of_frames").GetInt32());
        var frames = root.GetProperty("frames").EnumerateArray().ToArray();
        Assert.Equal(8, frames.Length);
        Assert.Equal(["index", "raw_offset", "raw_length", "raw_sha256", "decoded_sha256"], frames[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(8192, frames[1].GetProperty("raw_offset").GetInt64() - frames[0].GetProperty("raw_offset").GetInt64());
        Assert.NotEqual(frames[0].GetProperty("raw_sha256").GetString(), frames[1].GetProperty("raw_sha256").GetString());
    }

    [Theory]
    [InlineData("emri_small_RLE.dcm")]
    [InlineData("liver_nonbyte_aligned.dcm")]
    [InlineData("JPEG-LL.dcm")]
    public void Frames_json_matches_the_corpus_reference(string name)
    {
        if (!Corpus.Available) return;
        var (code, output, _) = Run("frames", Corpus.FilePath(name), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var reference = Corpus.Reference(name);
        foreach (var key in new[] { "transfer_syntax", "number_of_frames", "pixel_data_element_offset", "first_frame_offset", "basic_offset_table" })
            Assert.Equal(Compact(reference.GetProperty(key)), Compact(doc.RootElement.GetProperty(key)));
        var expected = reference.GetProperty("frames").EnumerateArray().ToArray();
        var actual = doc.RootElement.GetProperty("frames").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            foreach (var key in new[] { "index", "raw_offset", "raw_length", "raw_sha256" })
                Assert.Equal(expected[i].GetProperty(key).GetRawText(), actual[i].GetProperty(key).GetRawText());
    }

    private static string Compact(JsonElement e) => JsonSerializer.Serialize(e);

    [Fact]
    public void Info_and_frameinfo_run_on_the_embedded_default()
    {
        var (code, output, _) = Run();
        Assert.Equal(0, code);
        Assert.Contains("Explicit VR Little Endian", output);
        Assert.Contains("frames:             8", output);
        var (code2, json, _) = Run("frameinfo");
        Assert.Equal(0, code2);
        var info = PixelGen.Frames.FrameInfo.FromJson(json);
        Assert.Equal(8, info.NumberOfFrames);
    }

    [Fact]
    public void Bad_input_is_a_one_line_error_with_exit_code_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixelgen-cli-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
        try
        {
            var (code, _, err) = Run("info", path);
            Assert.Equal(2, code);
            Assert.StartsWith("error: ", err);
        }
        finally { File.Delete(path); }
    }
}
