using System.IO.Compression;
using System.Text.Json;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Transforms;

/// <summary>Reads the corpus references' <c>transforms[]</c> entries and their input and output arrays.</summary>
internal static class TransformReference
{
    /// <summary>(file, transform id) of every transform entry in the corpus references.</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        if (!Corpus.Available)
        {
            data.Add("(corpus not available)", "");
            return data;
        }
        foreach (var name in Corpus.FileNames())
        {
            var reference = Corpus.Reference(name);
            if (reference.TryGetProperty("transforms", out var t) && t.ValueKind == JsonValueKind.Array)
                foreach (var entry in t.EnumerateArray())
                    data.Add(name, entry.GetProperty("id").GetString()!);
        }
        return data;
    }

    public static JsonElement Entry(string file, string id)
        => Corpus.Reference(file).GetProperty("transforms").EnumerateArray().First(e => e.GetProperty("id").GetString() == id);

    /// <summary>The decoded input array (<c>NAME.pixels.bin.gz</c>) as bytes.</summary>
    public static byte[] Pixels(string file) => Gunzip(Corpus.ReferenceFile(file + ".pixels.bin.gz") ?? throw new FileNotFoundException($"no pixels.bin.gz for {file}"));

    public static byte[] Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Asserts float64 results against the entry's <c>bin_gz</c> within 1e-6 relative (and equal where exactly representable).</summary>
    public static void AssertDoubles(JsonElement entry, ReadOnlySpan<double> actual)
    {
        var expectedBytes = Gunzip(Corpus.ReferenceFile(entry.GetProperty("bin_gz").GetString()!)!);
        var expected = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(expectedBytes);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            double tol = 1e-6 * Math.Max(Math.Abs(e), 1e-300);
            if (!(Math.Abs(e - a) <= tol))
                Assert.Fail($"element {i}: expected {e}, got {a}");
        }
    }

    public static string Sha<T>(ReadOnlySpan<T> values) where T : unmanaged
        => Corpus.Sha256(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
}
