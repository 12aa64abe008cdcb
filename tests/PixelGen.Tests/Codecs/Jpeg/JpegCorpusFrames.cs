using System.IO.Compression;
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
            bool negative = r.TryGetProperty("expect_error", out var e) && e.ValueKind == JsonValueKind.True;
            if (ts is not null && syntaxes.Contains(ts) && !negative) data.Add(name);
        }
        return data;
    }

    public static FrameLayout Layout(JsonElement r) => new()
    {
        Rows = r.GetProperty("rows").GetInt32(),
        Columns = r.GetProperty("columns").GetInt32(),
        SamplesPerPixel = r.GetProperty("samples_per_pixel").GetInt32(),
        BitsAllocated = r.GetProperty("bits_allocated").GetInt32(),
        BitsStored = r.GetProperty("bits_stored").GetInt32(),
        HighBit = r.GetProperty("high_bit").GetInt32(),
        IsSigned = r.GetProperty("pixel_representation").GetInt32() == 1,
        PlanarConfiguration = r.TryGetProperty("planar_configuration", out var pc) && pc.ValueKind == JsonValueKind.Number ? pc.GetInt32() : 0,
        PhotometricInterpretation = r.GetProperty("photometric_interpretation").GetString()!,
        NumberOfFrames = r.GetProperty("number_of_frames").GetInt32(),
        Kind = PixelDataKind.Integer,
    };

    /// <summary>The bytes of every frame, in order.</summary>
    public static List<byte[]> Frames(string name, JsonElement r)
    {
        var file = File.ReadAllBytes(Corpus.FilePath(name));
        var fragments = r.GetProperty("fragments");
        var result = new List<byte[]>();
        foreach (var f in r.GetProperty("frames").EnumerateArray())
        {
            using var ms = new MemoryStream();
            foreach (var idx in f.GetProperty("fragment_indices").EnumerateArray())
            {
                var frag = fragments[idx.GetInt32()];
                ms.Write(file, (int)frag.GetProperty("data_offset").GetInt64(), frag.GetProperty("length").GetInt32());
            }
            Assert.Equal(f.GetProperty("raw_sha256").GetString(), Corpus.Sha256(ms.ToArray()));
            result.Add(ms.ToArray());
        }
        return result;
    }

    /// <summary>The whole reference array (<c>NAME.pixels.bin.gz</c>), or null when the corpus has none.</summary>
    public static byte[]? ReferencePixels(string name)
    {
        var path = Corpus.ReferenceFile(name + ".pixels.bin.gz");
        if (path is null) return null;
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

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
