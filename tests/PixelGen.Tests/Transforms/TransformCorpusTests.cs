using System.Runtime.InteropServices;
using System.Text.Json;
using PixelGen.Tests.Support;
using PixelGen.Transforms;

namespace PixelGen.Tests.Transforms;

/// <summary>
/// Every <c>transforms[]</c> entry of the corpus references, recomputed from the reference's decoded input array.
/// Integer outputs must match the SHA-256 exactly; float64 outputs within 1e-6 relative (and, because the
/// operations are the same IEEE ones, also the SHA-256).
/// </summary>
public class TransformCorpusTests
{
    public static TheoryData<string, string> Entries() => TransformReference.All();

    [Theory]
    [MemberData(nameof(Entries))]
    public void Matches_reference(string file, string id)
    {
        if (!Corpus.Available) return;
        var entry = TransformReference.Entry(file, id);
        var reference = Corpus.Reference(file);
        var input = TransformReference.Pixels(file);
        if (id == "modality_lut@bits_stored_masked") input = MaskToBitsStored(input, reference);
        string expectedSha = entry.GetProperty("sha256").GetString()!;
        string dtype = entry.GetProperty("dtype").GetString()!;

        switch (id)
        {
            case "ybr_full_to_rgb":
                ColorSpace.YbrFullToRgb(input);
                Assert.Equal(expectedSha, Corpus.Sha256(input));
                break;
            case "modality_lut":
            case "modality_lut@bits_stored_masked":
            case "modality_lut+voi_lut":
            case "voi_lut":
            case "color_lut":
                var result = TransformRunner.Run(file, id, input, reference);
                Assert.Equal(dtype, result.Dtype);
                if (dtype == "float64") TransformReference.AssertDoubles(entry, MemoryMarshal.Cast<byte, double>(result.Bytes));
                Assert.Equal(expectedSha, Corpus.Sha256(result.Bytes));
                break;
            default:
                Assert.Fail($"no test for transform '{id}'");
                break;
        }
    }

    /// <summary>Native YBR_FULL_422 as stored (subsampled, 2 bytes per pixel) straight to RGB.</summary>
    [Fact]
    public void Subsampled_ybr_full_422_to_rgb_matches_reference()
    {
        if (!Corpus.Available) return;
        const string file = "SC_ybr_full_422_uncompressed.dcm";
        var reference = Corpus.Reference(file);
        long offset = reference.GetProperty("first_frame_offset").GetInt64();
        int length = reference.GetProperty("frame_length").GetInt32();
        var raw = new byte[length];
        using (var f = File.OpenRead(Corpus.FilePath(file)))
        {
            f.Position = offset;
            f.ReadExactly(raw);
        }
        var rgb = new byte[length / 2 * 3];
        ColorSpace.YbrFull422ToRgb(raw, rgb);
        Assert.Equal(TransformReference.Entry(file, "ybr_full_to_rgb").GetProperty("sha256").GetString(), Corpus.Sha256(rgb));
    }

    // The reference's bits_stored_masked rule, applied to the decoded input (as the corpus made that variant).
    private static byte[] MaskToBitsStored(byte[] input, JsonElement reference)
    {
        int bitsStored = reference.GetProperty("bits_stored").GetInt32();
        int highBit = reference.GetProperty("high_bit").GetInt32();
        bool signed = reference.GetProperty("pixel_representation").GetInt32() == 1;
        var v = MemoryMarshal.Cast<byte, short>(input.AsSpan());
        int shift = highBit + 1 - bitsStored;
        int mask = (1 << bitsStored) - 1;
        for (int i = 0; i < v.Length; i++)
        {
            int x = ((ushort)v[i] >> shift) & mask;
            if (signed && (x & (1 << (bitsStored - 1))) != 0) x -= 1 << bitsStored;
            v[i] = (short)x;
        }
        Assert.Equal(reference.GetProperty("bits_stored_masked").GetProperty("sha256").GetString(), Corpus.Sha256(input));
        return input;
    }
}
