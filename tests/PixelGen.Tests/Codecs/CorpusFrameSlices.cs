using System.IO.Compression;
using System.Text.Json;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs;

/// <summary>
/// Encapsulated frames of corpus files sliced with the reference JSON (fragment offsets and lengths), so codec
/// tests do not depend on the FrameReader; and the frame layout the reference records.
/// </summary>
public static class CorpusFrameSlices
{
    /// <summary>
    /// Corpus files whose transfer syntax is one of <paramref name="uids"/>, for theories; files the reference
    /// expects to fail are left out (each codec has its own negative tests).
    /// </summary>
    public static TheoryData<string> FilesWithTransferSyntax(params string[] uids)
    {
        var data = new TheoryData<string>();
        if (!Corpus.Available)
        {
            data.Add("(corpus not available)");
            return data;
        }
        foreach (string name in Corpus.FileNames())
        {
            var reference = Corpus.Reference(name);
            if (reference.TryGetProperty("transfer_syntax", out var ts) && ts.ValueKind == JsonValueKind.String && uids.Contains(ts.GetString())
                && !Corpus.ExpectsError(reference))
                data.Add(name);
        }
        return data;
    }

    /// <summary>The concatenated fragment data of frame <paramref name="frame"/>.</summary>
    public static byte[] Frame(string name, JsonElement reference, int frame)
    {
        var file = File.ReadAllBytes(Corpus.FilePath(name));
        var fragments = reference.GetProperty("fragments");
        using var output = new MemoryStream();
        foreach (var index in reference.GetProperty("frames")[frame].GetProperty("fragment_indices").EnumerateArray())
        {
            var fragment = fragments[index.GetInt32()];
            long offset = fragment.GetProperty("data_offset").GetInt64();
            int length = fragment.GetProperty("length").GetInt32();
            int available = (int)Math.Max(0, Math.Min(length, file.Length - offset));
            output.Write(file, (int)offset, available);
        }
        return output.ToArray();
    }

    /// <summary>The frame layout recorded in the reference.</summary>
    public static FrameLayout Layout(JsonElement r)
    {
        int Int(string p, int fallback = 0) => r.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : fallback;
        return new FrameLayout
        {
            Rows = Int("rows"),
            Columns = Int("columns"),
            SamplesPerPixel = Int("samples_per_pixel", 1),
            BitsAllocated = Int("bits_allocated"),
            BitsStored = Int("bits_stored"),
            HighBit = Int("high_bit"),
            IsSigned = Int("pixel_representation") == 1,
            PlanarConfiguration = Int("planar_configuration"),
            PhotometricInterpretation = r.GetProperty("photometric_interpretation").GetString() ?? "MONOCHROME2",
            NumberOfFrames = Int("number_of_frames", 1),
            Kind = PixelDataKind.Integer,
        };
    }

    /// <summary>The expected hash of a frame: <c>bits_stored_masked</c> when present (our contract), else <c>decoded_sha256</c>.</summary>
    public static string ExpectedFrameHash(JsonElement reference, int frame)
    {
        if (reference.TryGetProperty("bits_stored_masked", out var masked) && masked.ValueKind == JsonValueKind.Object)
            return masked.GetProperty("frames_sha256")[frame].GetString()!;
        return reference.GetProperty("frames")[frame].GetProperty("decoded_sha256").GetString()!;
    }

    /// <summary>The reference's decoded pixels of all frames (<c>NAME.pixels.bin.gz</c>), or null when not written.</summary>
    public static byte[]? ReferencePixels(string name)
    {
        var path = Corpus.ReferenceFile(name + ".pixels.bin.gz");
        if (path is null) return null;
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>
    /// Max |a−b| over elements of <paramref name="layout"/>'s type, the first index where it occurs, and the mean
    /// |a−b|. The two spans must be the same length.
    /// </summary>
    public static (long MaxDiff, long Index, double Mean) MaxAbsDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, FrameLayout layout)
    {
        Assert.Equal(a.Length, b.Length);
        long max = 0, at = -1;
        double sum = 0;
        int size = layout.ElementSize;
        long n = a.Length / size;
        for (long i = 0; i < n; i++)
        {
            long va = Read(a, i, size, layout.IsSigned), vb = Read(b, i, size, layout.IsSigned);
            long d = Math.Abs(va - vb);
            sum += d;
            if (d > max) { max = d; at = i; }
        }
        return (max, at, n == 0 ? 0 : sum / n);

        static long Read(ReadOnlySpan<byte> s, long i, int size, bool signed) => size switch
        {
            1 => signed ? (sbyte)s[(int)i] : s[(int)i],
            2 => signed ? BitConverter.ToInt16(s.Slice((int)i * 2, 2)) : BitConverter.ToUInt16(s.Slice((int)i * 2, 2)),
            _ => signed ? BitConverter.ToInt32(s.Slice((int)i * 4, 4)) : BitConverter.ToUInt32(s.Slice((int)i * 4, 4)),
        };
    }
}
