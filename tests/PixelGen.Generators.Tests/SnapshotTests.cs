using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PixelGen.Pixels;

namespace PixelGen.Generators.Tests;

/// <summary>
/// The generated code for representative layouts, compared file by file with reviewed snapshots under Snapshots/.
/// Set PIXELGEN_UPDATE_SNAPSHOTS=1 to rewrite them after a deliberate change to the emitter (then review the diff).
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public Task SignedTwelveBitInSixteen_TypeForm() => Verify("Ct12", """
        using PixelGen.Generation;
        namespace Scanner.Decoders
        {
            [PixelLayout(BitsAllocated = 16, BitsStored = 12, Signed = true, Name = "CT 12-bit")]
            public sealed partial class Ct12Decoder { }
        }
        """);

    [Fact]
    public Task RgbPlanarToInterleaved_TypeForm() => Verify("RgbPlanar", """
        using PixelGen.Generation;
        [PixelLayout(BitsAllocated = 8, Samples = 3, Planar = 1)]
        internal partial struct RgbPlanarDecoder { }
        """);

    [Fact]
    public Task BigEndianAndSingleBit_MethodForm_NestedType() => Verify("Methods", """
        using System;
        using PixelGen.Generation;
        namespace Pipeline
        {
            public static partial class Outer
            {
                internal static partial class Codecs
                {
                    [PixelLayout(BitsAllocated = 16, BitsStored = 14, HighBit = 15, BigEndian = true)]
                    public static partial void DecodeBigEndian(ReadOnlySpan<byte> raw, Span<ushort> pixels);

                    [PixelLayout(BitsAllocated = 16, BitsStored = 12)]
                    static partial void DecodeIntoShort(ReadOnlySpan<byte> source, Span<short> target);

                    [PixelLayout(BitsAllocated = 1)]
                    internal static partial void Unpack(ReadOnlySpan<byte> bits, Span<byte> pixels);
                }
            }
        }
        """);

    private static async Task Verify(string scenario, string source, [CallerFilePath] string thisFile = "")
    {
        var generated = GeneratorHarness.CreateDriver()
            .RunGenerators(GeneratorHarness.Compile("TestProject", source)) // the test framework's assembly name
            .GetRunResult().Results.Single().GeneratedSources;
        Assert.NotEmpty(generated);

        string directory = Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots", scenario);
        if (Environment.GetEnvironmentVariable("PIXELGEN_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            foreach (var file in Directory.GetFiles(directory)) File.Delete(file);
            foreach (var g in generated) File.WriteAllText(Path.Combine(directory, g.HintName), g.SourceText.ToString());
        }

        var test = new CSharpSourceGeneratorTest<PixelLayoutGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.Sources.Add(source);
        foreach (var reference in GeneratorHarness.References) test.TestState.AdditionalReferences.Add(reference);
        string snapshots = Path.Combine(AppContext.BaseDirectory, "Snapshots", scenario);
        var expected = Directory.Exists(directory) ? directory : snapshots;
        foreach (var path in Directory.GetFiles(expected).OrderBy(p => p.EndsWith("Registration.g.cs", StringComparison.Ordinal)).ThenBy(p => p, StringComparer.Ordinal))
            test.TestState.GeneratedSources.Add((typeof(PixelLayoutGenerator), Path.GetFileName(path), SourceText.From(File.ReadAllText(path), Encoding.UTF8)));
        await test.RunAsync();
    }
}
