using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PixelGen.Pixels;

namespace PixelGen.Generators.Tests;

/// <summary>Builds compilations against .NET 10 reference assemblies plus the PixelGen runtime and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly ImmutableArray<MetadataReference> References =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(FrameLayout).Assembly.Location)];

    public static CSharpCompilation Compile(string assemblyName, params string[] sources)
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [new PixelLayoutGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the output compilation and fails on generator exceptions (and, when asked, compiler warnings).</summary>
    public static Compilation RunAndCheck(CSharpCompilation input, out GeneratorDriverRunResult result, bool checkDiagnostics = true)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        result = driver.GetRunResult();
        Assert.Empty(generatorDiagnostics);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        if (!checkDiagnostics) return output;
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(20).Select(e => e.ToString())));
        return output;
    }
}
