using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace PixelGen.Generators.Tests;

/// <summary>Each invalid declaration is reported by <see cref="PixelLayoutAnalyzer"/> at the attribute, with its rule ID.</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("PG1001", "BitsAllocated = 12")]
    [InlineData("PG1001", "BitsStored = 8")]
    [InlineData("PG1002", "BitsAllocated = 16, BitsStored = 17")]
    [InlineData("PG1003", "BitsAllocated = 16, BitsStored = 12, HighBit = 10")]
    [InlineData("PG1003", "BitsAllocated = 16, BitsStored = 12, HighBit = 16")]
    [InlineData("PG1004", "BitsAllocated = 8, Planar = 1")]
    [InlineData("PG1005", "BitsAllocated = 64, Kind = PixelDataKind.Float")]
    [InlineData("PG1005", "BitsAllocated = 32, Kind = PixelDataKind.Double")]
    [InlineData("PG1006", "BitsAllocated = 8, Samples = 2")]
    [InlineData("PG1007", "BitsAllocated = 1, Signed = true")]
    public Task InvalidLayoutOnType(string id, string arguments) => Verify($$"""
        [{|{{id}}:PixelLayout({{arguments}})|}]
        public sealed partial class D { }
        """);

    [Theory]
    [InlineData("short", "BitsAllocated = 16, Signed = true", null)]
    [InlineData("ushort", "BitsAllocated = 16, BitsStored = 12", null)]
    [InlineData("short", "BitsAllocated = 16, BitsStored = 12", null)]
    [InlineData("byte", "BitsAllocated = 1", null)]
    [InlineData("float", "BitsAllocated = 32, Kind = PixelDataKind.Float", null)]
    [InlineData("ushort", "BitsAllocated = 16, Signed = true", "PG1008")]
    [InlineData("byte", "BitsAllocated = 16", "PG1008")]
    [InlineData("short", "BitsAllocated = 16", "PG1008")]
    [InlineData("int", "BitsAllocated = 16", "PG1008")]
    [InlineData("uint", "BitsAllocated = 32, Kind = PixelDataKind.Float", "PG1008")]
    public Task SpanElementType(string element, string arguments, string? id) => Verify($$"""
        public static partial class Host
        {
            [{{(id is null ? "" : "{|" + id + ":")}}PixelLayout({{arguments}}){{(id is null ? "" : "|}")}}]
            static partial void Decode(ReadOnlySpan<byte> raw, Span<{{element}}> pixels);
        }
        """);

    [Theory]
    [InlineData("partial void Decode(ReadOnlySpan<byte> raw, Span<ushort> pixels);")]
    [InlineData("static partial void Decode(Span<byte> raw, Span<ushort> pixels);")]
    [InlineData("static partial void Decode(ReadOnlySpan<byte> raw, Span<ushort> pixels, int count);")]
    [InlineData("static partial void Decode(ReadOnlySpan<byte> raw, ushort[] pixels);")]
    [InlineData("static partial void Decode(ReadOnlySpan<byte> raw, Span<char> pixels);")]
    [InlineData("static void Decode(ReadOnlySpan<byte> raw, Span<ushort> pixels) { }")]
    public Task WrongMethodSignature(string declaration) => Verify($$"""
        public partial class Host
        {
            [{|PG1009:PixelLayout(BitsAllocated = 16)|}]
            {{declaration}}
        }
        """);

    [Fact]
    public Task TypeNotPartial() => Verify("""
        [{|PG1010:PixelLayout(BitsAllocated = 16)|}]
        public sealed class D { }
        """);

    [Fact]
    public Task ContainingTypeNotPartial() => Verify("""
        public class Outer
        {
            [{|PG1010:PixelLayout(BitsAllocated = 16)|}]
            public sealed partial class D { }
        }
        """);

    [Theory]
    [InlineData("public static partial class D { }")]
    [InlineData("public abstract partial class D { }")]
    [InlineData("public partial class D<T> { }")]
    [InlineData("public ref partial struct D { }")]
    public Task TypeCannotBeDecoder(string declaration) => Verify($$"""
        [{|PG1011:PixelLayout(BitsAllocated = 16)|}]
        {{declaration}}
        """);

    [Fact]
    public Task PrivateNestedTypeCannotBeRegistered() => Verify("""
        public partial class Outer
        {
            [{|PG1011:PixelLayout(BitsAllocated = 16)|}]
            private sealed partial class D { }
        }
        """);

    [Fact]
    public Task ValidDeclarationsReportNothing() => Verify("""
        [PixelLayout(BitsAllocated = 16, BitsStored = 12, Signed = true)]
        public sealed partial class Ct { }
        [PixelLayout(BitsAllocated = 8, Samples = 3, Planar = 1)]
        internal partial struct Rgb { }
        [PixelLayout(BitsAllocated = 64, Kind = PixelDataKind.Double, BigEndian = true)]
        public sealed partial record class Dose { }
        """);

    [Fact]
    public async Task DiagnosticsCarryAHelpLinkToTheRulePage()
    {
        var analyzer = new PixelLayoutAnalyzer();
        Assert.Equal(11, analyzer.SupportedDiagnostics.Length);
        foreach (var d in analyzer.SupportedDiagnostics)
        {
            Assert.EndsWith($"docs/rules/{d.Id}.md", d.HelpLinkUri);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.DefaultSeverity);
            string page = Path.Combine(RepoRoot(), "docs", "rules", d.Id + ".md");
            Assert.True(File.Exists(page), $"missing rule page {page}");
            Assert.Contains(d.Id, await File.ReadAllTextAsync(page));
        }
    }

    /// <summary>The repository root: the first directory above the test binaries holding PixelGen.sln (CI builds map source paths, so CallerFilePath cannot be used).</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PixelGen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PixelGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static Task Verify(string source)
    {
        var test = new CSharpAnalyzerTest<PixelLayoutAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestCode = "using System;\nusing PixelGen.Generation;\nusing PixelGen.Layout;\n" + source,
        };
        foreach (var reference in GeneratorHarness.References) test.TestState.AdditionalReferences.Add(reference);
        return test.RunAsync();
    }
}
