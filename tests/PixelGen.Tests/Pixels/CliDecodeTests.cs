using System.Text.Json;
using PixelGen.Tests.Support;
using static PixelGen.Tests.Support.Cli;

namespace PixelGen.Tests.Pixels;

/// <summary>The CLI's decoding output: <c>frames --json</c> decoded hashes, <c>info</c>'s decoded line, <c>decode</c>.</summary>
public class CliDecodeTests
{
    [Theory]
    [InlineData("emri_small_RLE.dcm")]
    [InlineData("SC_rgb_rle_32bit_2frame.dcm")]
    [InlineData("color-pl.dcm")]
    [InlineData("liver_nonbyte_aligned.dcm")]
    [InlineData("MR_small_bigendian.dcm")]
    public void Frames_json_decoded_hashes_match_the_reference(string name)
    {
        if (!Corpus.Available) return;
        var (code, output, err) = Run("frames", Corpus.FilePath(name), "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var reference = Corpus.Reference(name);
        var frames = doc.RootElement.GetProperty("frames").EnumerateArray().ToArray();
        for (int i = 0; i < frames.Length; i++)
            Assert.Equal(CorpusFrames.ExpectedHash(name, reference, i).Hash, frames[i].GetProperty("decoded_sha256").GetString());
    }

    [Fact]
    public void Frames_json_reports_undecodable_frames_without_failing()
    {
        if (!Corpus.Available) return;
        // HTJ2K (.203): decodable only if some codec registers for it; either way every frame has the key.
        var (code, output, _) = Run("frames", Corpus.FilePath("HTJ2K_08_RGB.dcm"), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var frame = doc.RootElement.GetProperty("frames")[0];
        Assert.True(frame.TryGetProperty("decoded_sha256", out var hash));
        if (hash.ValueKind == JsonValueKind.Null) Assert.False(string.IsNullOrEmpty(frame.GetProperty("decode_error").GetString()));
    }

    [Fact]
    public void Info_prints_decoded_type_and_shape()
    {
        if (!Corpus.Available) return;
        var (code, output, _) = Run("info", Corpus.FilePath("emri_small_RLE.dcm"));
        Assert.Equal(0, code);
        Assert.Contains("decoded:            uint16 (ushort), shape (10, 64, 64), MONOCHROME2, decoder RLE Lossless (runtime)", output);
    }

    [Fact]
    public void Info_on_the_embedded_default_has_the_decoded_line()
    {
        var (code, output, _) = Run("info");
        Assert.Equal(0, code);
        Assert.Contains("decoded:", output);
        // The synthetic default is 16-bit unsigned, 12 stored: the generated MR/MG/DX/CR preset matches it (issue 4 dispatch).
        Assert.Contains("decoder: MrMgDxCrUnsigned12Decoder (generated)", output);
    }

    [Theory]
    [InlineData("SC_rgb_rle_16bit_2frame.dcm", null)]
    [InlineData("SC_rgb_rle_16bit_2frame.dcm", "1")]
    [InlineData("SC_ybr_full_422_uncompressed.dcm", null)]
    [InlineData("emri_small_big_endian.dcm", "3")]
    public void Decode_writes_raw_little_endian_values(string name, string? frame)
    {
        if (!Corpus.Available) return;
        var path = Path.Combine(Path.GetTempPath(), $"pixelgen-decode-{Guid.NewGuid():N}.raw");
        try
        {
            var args = new List<string> { "decode", Corpus.FilePath(name), "--out", path };
            if (frame is not null) args.AddRange(["--frame", frame]);
            var (code, output, err) = Run(args.ToArray());
            Assert.True(code == 0, err);
            var reference = Corpus.Reference(name);
            var bytes = File.ReadAllBytes(path);
            if (frame is null)
            {
                string expected = reference.TryGetProperty("bits_stored_masked", out var m) ? m.GetProperty("sha256").GetString()! : reference.GetProperty("decoded_sha256").GetString()!;
                Assert.Equal(expected, Corpus.Sha256(bytes));
                Assert.Contains($"shape ({string.Join(", ", reference.GetProperty("decoded_shape").EnumerateArray().Select(e => e.GetInt32()))})", output);
            }
            else
            {
                Assert.Equal(CorpusFrames.ExpectedHash(name, reference, int.Parse(frame)).Hash, Corpus.Sha256(bytes));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Decode_rejects_bad_arguments()
    {
        Assert.Equal(1, Run("decode").Code);
        Assert.Equal(1, Run("decode", "--out", "x.raw", "--frame", "abc").Code);
        var path = Path.Combine(Path.GetTempPath(), $"pixelgen-decode-{Guid.NewGuid():N}.raw");
        var (code, _, err) = Run("decode", "--out", path, "--frame", "99");
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Decode_of_the_embedded_default_writes_every_frame()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixelgen-decode-{Guid.NewGuid():N}.raw");
        try
        {
            var (code, output, err) = Run("decode", "--out", path);
            Assert.True(code == 0, err);
            Assert.True(new FileInfo(path).Length > 0);
            Assert.Contains("shape (8,", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
