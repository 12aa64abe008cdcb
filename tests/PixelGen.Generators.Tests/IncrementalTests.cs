using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace PixelGen.Generators.Tests;

/// <summary>The pipeline caches: unrelated edits reuse every step's output; editing the attribute regenerates.</summary>
public sealed class IncrementalTests(ITestOutputHelper output)
{
    private const string Decoders = """
        using System;
        using PixelGen.Generation;
        namespace App
        {
            [PixelLayout(BitsAllocated = 16, BitsStored = 12, Signed = true)]
            public sealed partial class Ct12 { }

            public static partial class Codecs
            {
                [PixelLayout(BitsAllocated = 8, Samples = 3, Planar = 1)]
                public static partial void Rgb(ReadOnlySpan<byte> raw, Span<byte> pixels);
            }
        }
        """;

    private const string Unrelated = "namespace App { public static class Util { public static int Twice(int x) => x * 2; } }";

    private static readonly string[] Steps = [TrackingNames.Decoders, TrackingNames.AssemblyName, TrackingNames.Registrations];

    [Fact]
    public void UnrelatedEditKeepsEveryStepCached()
    {
        var compilation = GeneratorHarness.Compile("App", Decoders, Unrelated);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var first = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToArray();

        var unrelatedTree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Twice"));
        var edited = compilation.ReplaceSyntaxTree(unrelatedTree,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("x * 2", "x + x") + "\n// edited", GeneratorHarness.ParseOptions, unrelatedTree.FilePath))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class Added { } }", GeneratorHarness.ParseOptions, "Added.cs"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        foreach (string step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (var run in result.TrackedSteps[step])
            foreach (var (_, reason) in run.Outputs)
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
        }
        foreach (var run in result.TrackedOutputSteps.SelectMany(s => s.Value))
        foreach (var (_, reason) in run.Outputs)
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output: {reason}");
        Assert.Equal(first, result.GeneratedSources.Select(s => s.SourceText.ToString()).ToArray());
    }

    [Fact]
    public void EditingTheAttributeRegeneratesThatDecoder()
    {
        var compilation = GeneratorHarness.Compile("App", Decoders, Unrelated);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        string before = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("App.Ct12.PixelLayout.g.cs")).ToString();

        var decoderTree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Ct12"));
        var edited = compilation.ReplaceSyntaxTree(decoderTree,
            CSharpSyntaxTree.ParseText(Decoders.Replace("BitsStored = 12", "BitsStored = 10"), GeneratorHarness.ParseOptions, decoderTree.FilePath));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TrackingNames.Decoders].SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged); // the method form is untouched
        string after = result.GeneratedSources.Single(s => s.HintName == "App.Ct12.PixelLayout.g.cs").SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("layout.BitsStored == 10", after);
        Assert.Contains("(short)(w << 6) >> 6", after);
    }

    /// <summary>The generator's own cost on a project with 200 declarations (reported, not asserted: no timed asserts).</summary>
    [Fact]
    public void TwoHundredDeclarations()
    {
        var source = new System.Text.StringBuilder("using System;\nusing PixelGen.Generation;\nnamespace Big\n{\n");
        int[] widths = [8, 16, 32];
        for (int i = 0; i < 200; i++)
        {
            int ba = widths[i % 3], bs = ba - i % 5;
            source.AppendLine($"    [PixelLayout(BitsAllocated = {ba}, BitsStored = {bs}, Signed = {(i % 2 == 0 ? "true" : "false")}, Samples = {(i % 4 == 0 ? 3 : 1)}, Planar = {(i % 8 == 0 ? 1 : 0)}, BigEndian = {(i % 7 == 0 ? "true" : "false")})]");
            source.AppendLine($"    public sealed partial class Decoder{i} {{ }}");
        }
        source.AppendLine("}");
        long cold = long.MaxValue, warm = long.MaxValue;
        GeneratorDriverRunResult? run = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            // A fresh compilation each time: a reused one would already hold the bound attributes.
            var compilation = GeneratorHarness.Compile("Big", source.ToString(), Unrelated);
            var clock = Stopwatch.StartNew();
            var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
            cold = Math.Min(cold, clock.ElapsedTicks);
            run = driver.GetRunResult();

            var unrelatedTree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Twice"));
            var edited = compilation.ReplaceSyntaxTree(unrelatedTree, CSharpSyntaxTree.ParseText(Unrelated + $"// {attempt}", GeneratorHarness.ParseOptions, unrelatedTree.FilePath));
            clock.Restart();
            driver.RunGenerators(edited);
            warm = Math.Min(warm, clock.ElapsedTicks);
        }
        Assert.Equal(201, run!.GeneratedTrees.Length);
        output.WriteLine($"200 [PixelLayout] declarations: first run {cold * 1000.0 / Stopwatch.Frequency:F1} ms, after an unrelated edit {warm * 1000.0 / Stopwatch.Frequency:F1} ms (best of 3)");
    }
}
