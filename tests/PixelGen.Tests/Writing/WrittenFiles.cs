using System.Security.Cryptography;
using System.Text.Json;
using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

/// <summary>Helpers of the read → write → read tests: decode every frame, compare data sets element by element.</summary>
internal static class WrittenFiles
{
    /// <summary>SHA-256 over every decoded frame, in order (the corpus's decoded_sha256 definition).</summary>
    public static string DecodedHash(FrameReader reader)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoded = new byte[reader.DecodedFrameLength];
        for (int i = 0; i < reader.NumberOfFrames; i++)
        {
            reader.DecodeFrame(i, decoded);
            sha.AppendData(decoded);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Raw frame bytes, for syntaxes whose frames must survive byte for byte.</summary>
    public static byte[][] RawFrames(FrameReader reader)
        => Enumerable.Range(0, reader.NumberOfFrames).Select(reader.ReadFrameRaw).ToArray();

    public static FrameReader Open(byte[] file) => new(new MemoryStream(file));

    public static byte[] Transcode(FrameReader reader, TransferSyntax target, WriteOptions? options = null)
    {
        using var ms = new MemoryStream();
        Transcoder.Transcode(reader, ms, target, options);
        return ms.ToArray();
    }

    /// <summary>Asserts two data sets hold the same elements: tags, VRs and value bytes (sequences item by item).</summary>
    public static void AssertSameElements(DicomDataset expected, DicomDataset actual, string where, params DicomTag[] except)
        => AssertSameElements(expected, actual, where, false, except);

    public static void AssertSameElements(DicomDataset expected, DicomDataset actual, string where, bool implicitVR, params DicomTag[] except)
    {
        var e = expected.Where(x => !x.Tag.IsGroupLength && !except.Contains(x.Tag)).ToList();
        var a = actual.Where(x => !x.Tag.IsGroupLength && !except.Contains(x.Tag)).ToList();
        Assert.True(e.Select(x => x.Tag).SequenceEqual(a.Select(x => x.Tag)),
            $"{where}: tags differ: only expected {string.Join(",", e.Select(x => x.Tag).Except(a.Select(x => x.Tag)))}; only actual {string.Join(",", a.Select(x => x.Tag).Except(e.Select(x => x.Tag)))}");
        for (int i = 0; i < e.Count; i++)
        {
            var x = e[i];
            var y = a[i];
            if (x.Items is { } xi)
            {
                Assert.True(y.Items is not null, $"{where} {x.Tag} {x.VR}: sequence became {y.VR} length {y.Length} without items");
                Assert.Equal(xi.Count, y.Items!.Count);
                for (int k = 0; k < xi.Count; k++) AssertSameElements(xi[k], y.Items[k], $"{where} {x.Tag}[{k}]", implicitVR);
                continue;
            }
            if (x.IsUndefinedLength) { Assert.True(y.IsUndefinedLength, $"{where} {x.Tag}"); continue; }
            // Implicit VR output is re-read with the dictionary's VR (US for US-or-SS attributes, OW for US-or-OW).
            Assert.True(x.VR == y.VR || x.VR == DicomVR.UN || y.VR == DicomVR.UN || implicitVR, $"{where} {x.Tag}: VR {x.VR} became {y.VR}");
            var xv = x.RawValue.Span;
            var yv = y.RawValue.Span;
            if (x.IsLittleEndian != y.IsLittleEndian && SwapUnit(x.VR, y.VR) is int unit and > 1)
            {
                Assert.True(xv.Length == yv.Length && SwappedEqual(xv, yv, unit), $"{where} {x.Tag} {x.VR}: value differs after the byte order changed");
                continue;
            }
            Assert.True(xv.SequenceEqual(yv) || PaddedEqual(xv, yv, x.VR), $"{where} {x.Tag} {x.VR}: value differs");
        }
    }

    private static int SwapUnit(DicomVR a, DicomVR b)
    {
        var vr = a == DicomVR.UN ? b : a;
        return vr == DicomVR.AT ? 2 : DicomVRInfo.ValueSize(vr);
    }

    private static bool SwappedEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int unit)
    {
        for (int i = 0; i + unit <= a.Length; i += unit)
            for (int k = 0; k < unit; k++)
                if (a[i + k] != b[i + unit - 1 - k]) return false;
        return true;
    }

    private static bool PaddedEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, DicomVR vr)
        => Math.Abs(a.Length - b.Length) == 1 && a[..Math.Min(a.Length, b.Length)].SequenceEqual(b[..Math.Min(a.Length, b.Length)]);

    /// <summary>The whole-array hash the reference expects from PixelGen (masked to Bits Stored when the reference says so).</summary>
    public static IEnumerable<string> ReferenceHashes(JsonElement reference)
    {
        if (reference.TryGetProperty("decoded_sha256", out var d) && d.ValueKind == JsonValueKind.String) yield return d.GetString()!;
        if (reference.TryGetProperty("bits_stored_masked", out var m) && m.ValueKind == JsonValueKind.Object
            && m.TryGetProperty("sha256", out var ms) && ms.ValueKind == JsonValueKind.String) yield return ms.GetString()!;
    }
}
