using System.Text.Json;
using PixelGen.Frames;
using PixelGen.Pixels;
using PixelGen.Pixels.Presets;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Generation;

/// <summary>
/// The built-in generated presets on real data: every native corpus file whose layout a preset covers is decoded by that
/// preset, frame by frame, and must hash to the reference (the masked value where pydicom did not mask).
/// </summary>
public sealed class PresetCorpusTests
{
    private static readonly System.Reflection.Assembly Runtime = typeof(FrameLayout).Assembly;

    [Fact]
    public void PresetsAreRegisteredByTheModuleInitializer()
    {
        var presets = FrameDecoders.NativeDecoders.Where(d => d.IsGenerated && d.GetType().Assembly == Runtime).Select(d => d.Name).ToHashSet();
        Assert.Contains(nameof(CtSigned12Decoder), presets);
        Assert.Contains(nameof(UsWsiRgb8PlanarDecoder), presets);
        Assert.Contains(nameof(SegBinaryDecoder), presets);
        Assert.Equal(11, presets.Count);
    }

    [Theory]
    [InlineData(16, 12, true, 1, 0, nameof(CtSigned12Decoder))]
    [InlineData(16, 16, true, 1, 0, nameof(CtNmPetSigned16Decoder))]
    [InlineData(16, 12, false, 1, 0, nameof(MrMgDxCrUnsigned12Decoder))]
    [InlineData(16, 16, false, 1, 0, nameof(MrMgDxCrNmPetUnsigned16Decoder))]
    [InlineData(16, 10, false, 1, 0, nameof(MgDxCrUnsigned10Decoder))]
    [InlineData(16, 14, false, 1, 0, nameof(MgDxCrUnsigned14Decoder))]
    [InlineData(8, 8, false, 3, 0, nameof(UsWsiRgb8Decoder))]
    [InlineData(8, 8, false, 3, 1, nameof(UsWsiRgb8PlanarDecoder))]
    [InlineData(8, 8, false, 1, 0, nameof(UsWsiXaRfMono8Decoder))]
    [InlineData(32, 32, false, 1, 0, nameof(RtDoseUnsigned32Decoder))]
    [InlineData(1, 1, false, 1, 0, nameof(SegBinaryDecoder))]
    public void FindPicksThePresetForItsLayout(int bitsAllocated, int bitsStored, bool signed, int samples, int planar, string expected)
    {
        var layout = new FrameLayout
        {
            Rows = 5, Columns = 7, BitsAllocated = bitsAllocated, BitsStored = bitsStored, HighBit = bitsStored - 1,
            IsSigned = signed, SamplesPerPixel = samples, PlanarConfiguration = planar,
            PhotometricInterpretation = samples == 3 ? "RGB" : "MONOCHROME2",
        };
        var found = FrameDecoders.Find(Dicom.TransferSyntax.ExplicitVRLittleEndian, layout);
        Assert.NotNull(found);
        Assert.True(found.IsGenerated);
        Assert.Equal(expected, found.Name);
        // A layout no preset covers falls through to the runtime decoder (Find returns null).
        Assert.Null(FrameDecoders.Find(Dicom.TransferSyntax.ExplicitVRLittleEndian, layout with { HighBit = layout.HighBit + (bitsStored < bitsAllocated ? 1 : 0), BitsStored = bitsStored == bitsAllocated ? bitsStored - 1 : bitsStored }));
    }

    [Fact]
    public void PresetsReproduceTheReferenceHashesOfTheCorpusFilesTheyCover()
    {
        if (!Corpus.Available) return;
        var covered = new List<string>();
        foreach (string name in Corpus.FileNames())
        {
            var reference = Corpus.Reference(name);
            if (reference.GetProperty("is_encapsulated").GetBoolean()) continue;
            FrameReader reader;
            try { reader = FrameReader.Open(Corpus.FilePath(name)); }
            catch (PixelGenException) { continue; } // unreadable files are the parser's tests
            using (reader)
            {
                var layout = reader.Layout;
                var preset = FrameDecoders.NativeDecoders.FirstOrDefault(d => d.IsGenerated && d.GetType().Assembly == Runtime && d.CanDecode(layout));
                if (preset is null || !reference.TryGetProperty("frames", out var frames)) continue;
                string[]? masked = reference.TryGetProperty("bits_stored_masked", out var m) && m.ValueKind == JsonValueKind.Object
                    ? m.GetProperty("frames_sha256").EnumerateArray().Select(e => e.GetString()!).ToArray() : null;
                var decoded = new byte[layout.DecodedFrameLength];
                int checkedFrames = 0;
                for (int i = 0; i < reader.NumberOfFrames && i < frames.GetArrayLength(); i++)
                {
                    string? expected = masked?[i] ?? (frames[i].TryGetProperty("decoded_sha256", out var h) ? h.GetString() : null);
                    if (expected is null) continue;
                    preset.Decode(reader.ReadFrameRaw(i), decoded, layout);
                    Assert.True(expected == Corpus.Sha256(decoded), $"{name} frame {i} decoded by {preset.Name}");
                    checkedFrames++;
                }
                if (checkedFrames > 0) covered.Add($"{name} ({preset.Name})");
            }
        }
        Assert.True(covered.Count >= 10, "presets covered only: " + string.Join(", ", covered));
    }
}
