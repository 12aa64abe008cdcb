using PixelGen.Frames;
using PixelGen.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Generation;

/// <summary>The frame reader dispatches to a generated preset whenever one matches, and the frames still hash to the references.</summary>
public sealed class DispatchTests
{
    [Theory]
    [InlineData("CT_small.dcm", "CtNmPetSigned16Decoder")]
    [InlineData("MR2_UNCR.dcm", "MrMgDxCrUnsigned12Decoder")]
    [InlineData("emri_small.dcm", "MrMgDxCrUnsigned12Decoder")]
    [InlineData("US1_UNCR.dcm", "UsWsiRgb8Decoder")]
    [InlineData("color-pl.dcm", "UsWsiRgb8PlanarDecoder")]
    [InlineData("vlut_04.dcm", "UsWsiXaRfMono8Decoder")]
    [InlineData("liver_1frame.dcm", "SegBinaryDecoder")]
    [InlineData("liver_nonbyte_aligned.dcm", "SegBinaryDecoder")]
    [InlineData("mlut_18.dcm", "CtSigned12Decoder")]
    public void FrameReaderPicksThePresetAndMatchesTheReference(string file, string preset)
    {
        if (!Corpus.Available) return;
        using var reader = FrameReader.Open(Corpus.FilePath(file));
        var decoder = reader.Decoder;
        Assert.NotNull(decoder);
        Assert.True(decoder.IsGenerated, $"{file}: {decoder.Name}");
        Assert.Equal(preset, decoder.Name);

        var reference = Corpus.Reference(file);
        var frames = reference.GetProperty("frames");
        string[]? masked = reference.TryGetProperty("bits_stored_masked", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Object
            ? [.. m.GetProperty("frames_sha256").EnumerateArray().Select(e => e.GetString()!)] : null;
        var decoded = new byte[reader.DecodedFrameLength];
        for (int i = 0; i < reader.NumberOfFrames; i++)
        {
            reader.DecodeFrame(i, decoded);
            Assert.Equal(masked?[i] ?? frames[i].GetProperty("decoded_sha256").GetString(), Corpus.Sha256(decoded));
        }
    }

    [Fact]
    public void LayoutsWithoutAPresetFallBackToTheRuntimeDecoder()
    {
        if (!Corpus.Available) return;
        using var reader = FrameReader.Open(Corpus.FilePath("693_UNCR.dcm")); // CT 14-bit signed: no preset
        Assert.Same(NativeFrameDecoder.Instance, reader.Decoder);
    }

    [Fact]
    public void InfoPrintsTheChosenDecoder()
    {
        var generated = PixelGen.Cli.Commands.InfoCommand.DecoderLine(PixelGen.Pixels.Presets.CtSigned12Decoder.Instance);
        Assert.Equal("decoder: CtSigned12Decoder (generated)", generated);
        Assert.Equal("decoder: native (runtime)", PixelGen.Cli.Commands.InfoCommand.DecoderLine(NativeFrameDecoder.Instance));
        if (!Corpus.Available) return;
        var output = new StringWriter();
        Assert.Equal(0, PixelGen.Cli.CliApp.Run(["info", Corpus.FilePath("CT_small.dcm")], output, new StringWriter()));
        Assert.Contains("decoder: CtNmPetSigned16Decoder (generated)", output.ToString());
    }

    [Fact]
    public void BenchComparesRuntimeGeneratedAndMemcpy()
    {
        var output = new StringWriter();
        Assert.Equal(0, PixelGen.Cli.CliApp.Run(["bench", "--frames", "2"], output, new StringWriter()));
        string text = output.ToString();
        Assert.Contains("generated:", text);
        Assert.Contains("(CtSigned12Decoder)", text);
        Assert.Contains("ratios:    generated/runtime", text);
    }
}
