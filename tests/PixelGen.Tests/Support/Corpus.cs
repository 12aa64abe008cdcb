using System.Security.Cryptography;
using System.Text.Json;

namespace PixelGen.Tests.Support;

/// <summary>
/// Finds the shared corpus at <c>../shared/corpus</c> from the repository root. Outside CI a missing corpus
/// makes corpus tests return early (the suite must pass on a fresh clone); under <c>CI</c> it fails loudly.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Locate);

    /// <summary>The corpus folder, or null when absent (and not under CI).</summary>
    public static string? Root
    {
        get
        {
            var root = s_root.Value;
            if (root is null && IsCi)
                throw new InvalidOperationException("CI is set but the corpus ../shared/corpus was not found next to the repository root.");
            return root;
        }
    }

    /// <summary>True when the environment variable CI is set to something other than false/0.</summary>
    public static bool IsCi
    {
        get
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            return !string.IsNullOrEmpty(ci) && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>True when corpus tests can run.</summary>
    public static bool Available => Root is not null;

    /// <summary>Names of every file in <c>files/</c> that has a reference JSON, for xunit theories.</summary>
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        var root = Root;
        if (root is null)
        {
            data.Add("(corpus not available)");
            return data;
        }
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "files")).OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (File.Exists(Path.Combine(root, "reference", name + ".json"))) data.Add(name);
        }
        return data;
    }

    /// <summary>Full path of a corpus file.</summary>
    public static string FilePath(string name) => Path.Combine(Root!, "files", name);

    /// <summary>The parsed reference JSON of a corpus file.</summary>
    public static JsonElement Reference(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root!, "reference", name + ".json")));
        return doc.RootElement.Clone();
    }

    /// <summary>True when the reference marks the file as one that must fail (<c>"expect_error": true</c>).</summary>
    public static bool ExpectsError(JsonElement reference)
        => reference.TryGetProperty("expect_error", out var e) && e.ValueKind == JsonValueKind.True;

    /// <summary>Path of a reference side file (e.g. <c>NAME.pixels.bin.gz</c>), or null when absent.</summary>
    public static string? ReferenceFile(string fileName)
    {
        var p = Path.Combine(Root!, "reference", fileName);
        return File.Exists(p) ? p : null;
    }

    /// <summary>Lower-case hex SHA-256, as the references write it.</summary>
    public static string Sha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static string? Locate()
    {
        // Walk up from the test binaries to the folder holding PixelGen.sln; the corpus sits beside that folder.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PixelGen.sln"))) dir = dir.Parent;
        if (dir?.Parent is null) return null;
        var corpus = Path.Combine(dir.Parent.FullName, "shared", "corpus");
        return Directory.Exists(Path.Combine(corpus, "files")) ? corpus : null;
    }
}
