using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using PixelGen.Pixels;
using Xunit.Abstractions;

namespace PixelGen.Generators.Tests;

/// <summary>
/// The heart of the generator's tests: for every valid layout, the generated decoder (both forms), compiled in memory
/// and loaded, must produce exactly what the runtime decoder (NativeFrameDecoder) produces on random frames (random bytes put garbage in
/// every unused high bit) of odd sizes that leave vector tails.
/// </summary>
public sealed class EquivalenceTests(ITestOutputHelper output)
{
    private static readonly (int Rows, int Columns)[] Sizes = [(1, 1), (1, 7), (3, 5), (7, 9), (13, 17), (31, 33), (64, 64)];

    [Fact]
    public void GeneratedDecodersEqualTheReferenceForEveryValidLayout()
    {
        var cases = LayoutCase.All();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var assembly = CompileAll(cases, out var context, out int generatedFiles);
        output.WriteLine($"generate + compile + load: {clock.ElapsedMilliseconds} ms wall, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU");
        try
        {
            Assert.Equal(cases.Count + MethodFormCases(cases).Count() + 1, generatedFiles); // one registration file
            var calls = assembly.GetType("Equivalence.Calls", throwOnError: true)!;
            var random = new Random(4);
            int checks = 0;
            foreach (var c in cases)
            {
                var decoder = (IFrameDecoder)assembly.GetType("Equivalence." + c.Id, throwOnError: true)!
                    .GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                var method = calls.GetMethod(c.Id); // null when this case has no method form
                foreach (var (rows, columns) in Sizes)
                {
                    var layout = c.ToFrameLayout(rows, columns);
                    Assert.True(decoder.CanDecode(layout), $"{c.Id} should accept {layout}");
                    int samples = (int)layout.SamplesPerFrame;
                    // Exactly the frame's bytes, and the frame followed by an OW pad byte and more.
                    foreach (int extra in new[] { 0, 3 })
                    {
                        var raw = new byte[c.RequiredSourceLength(layout) + extra];
                        random.NextBytes(raw);
                        // The runtime decoder is the contract; the plain scalar reference double-checks both.
                        var runtime = new byte[layout.DecodedFrameLength];
                        NativeFrameDecoder.Instance.Decode(raw, runtime, layout);
                        byte[] expected = ScalarReferenceDecoder.Decode(c, raw, samples);
                        AssertBytes(expected, runtime, $"{c.Id} runtime vs scalar reference {rows}x{columns}+{extra}");

                        var viaInterface = new byte[layout.DecodedFrameLength + 5];
                        decoder.Decode(raw, viaInterface, layout);
                        AssertBytes(expected, viaInterface.AsSpan(0, expected.Length), $"{c.Id} type form {rows}x{columns}+{extra}");

                        checks++;
                        if (method is null) continue;
                        var pixels = Array.CreateInstance(ElementClrType(c), samples);
                        method.Invoke(null, [raw, pixels]);
                        AssertBytes(expected, AsBytes(pixels), $"{c.Id} method form {rows}x{columns}+{extra}");
                        checks++;
                    }
                }
            }
            output.WriteLine($"{cases.Count} layouts, {checks} frame comparisons, total {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void GeneratedDecodersRejectOtherLayoutsAndShortBuffers()
    {
        var cases = LayoutCase.All().Where(c => c.BitsAllocated == 16).Take(3).ToList();
        var assembly = CompileAll(cases, out var context, out _);
        try
        {
            var c = cases[0];
            var decoder = (IFrameDecoder)assembly.GetType("Equivalence." + c.Id)!.GetProperty("Instance")!.GetValue(null)!;
            var layout = c.ToFrameLayout(4, 4);
            Assert.False(decoder.CanDecode(layout with { BitsStored = c.BitsStored - 1 }));
            Assert.False(decoder.CanDecode(layout with { IsSigned = !c.Signed }));
            Assert.False(decoder.CanDecode(layout with { IsBigEndian = !c.BigEndian }));
            Assert.False(decoder.CanDecode(layout with { SamplesPerPixel = 3, PhotometricInterpretation = "YBR_FULL_422" }));
            Assert.True(decoder.IsGenerated);
            Assert.Equal(c.Id, decoder.Name);

            var shortRaw = new byte[layout.NativeFrameLength - 1];
            Assert.Equal(32, layout.NativeFrameLength);
            var ex = Assert.Throws<PixelDataException>(() => decoder.Decode(shortRaw, new byte[layout.DecodedFrameLength], layout));
            Assert.Contains("raw data has 31 bytes", ex.Message);
            Assert.Throws<PixelDataException>(() => decoder.Decode(new byte[32], new byte[31], layout));
            Assert.Throws<PixelDataException>(() => decoder.Decode(new byte[64], new byte[64], layout with { BitsAllocated = 8 }));
        }
        finally
        {
            context.Unload();
        }
    }

    internal static Assembly CompileAll(IReadOnlyList<LayoutCase> cases, out AssemblyLoadContext context, out int generatedFiles)
    {
        var source = new StringBuilder();
        source.AppendLine("using System;\nusing PixelGen.Generation;\nusing PixelGen.Layout;\nnamespace Equivalence\n{");
        foreach (var c in cases) source.AppendLine($"    {c.Attribute} public sealed partial class {c.Id};");
        source.AppendLine("    public static partial class Methods\n    {");
        foreach (var c in MethodFormCases(cases)) source.AppendLine($"        {c.Attribute} public static partial void {c.Id}(ReadOnlySpan<byte> raw, Span<{c.ElementKeyword}> pixels);");
        source.AppendLine("    }\n    public static class Calls\n    {");
        foreach (var c in MethodFormCases(cases)) source.AppendLine($"        public static void {c.Id}(byte[] raw, {c.ElementKeyword}[] pixels) => Methods.{c.Id}(raw, pixels);");
        source.AppendLine("    }\n}");

        var compilation = GeneratorHarness.RunAndCheck(GeneratorHarness.Compile("Equivalence", source.ToString()), out var run, checkDiagnostics: false);
        generatedFiles = run.GeneratedTrees.Length;
        // Keep the test decoders out of the process-wide registry, so the context can unload.
        compilation = compilation.RemoveSyntaxTrees(compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith("PixelGen.GeneratedDecoderRegistration.g.cs", StringComparison.Ordinal)));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        // Emit binds everything once; generated code must compile without warnings too.
        Assert.True(emit.Success && !emit.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning),
            string.Join("\n", emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20)));
        image.Position = 0;
        context = new AssemblyLoadContext("PixelGen.Equivalence", isCollectible: true);
        return context.LoadFromStream(image);
    }

    /// <summary>
    /// The method form shares the kernel emitter with the type form and differs only in its wrapper, so a quarter of the
    /// layouts (spread over every width and shape) check it; this keeps the single compilation small.
    /// </summary>
    private static IEnumerable<LayoutCase> MethodFormCases(IReadOnlyList<LayoutCase> cases) => cases.Where((_, i) => i % 4 == 1);

    private static Type ElementClrType(LayoutCase c) => c.ElementKeyword switch
    {
        "byte" => typeof(byte), "sbyte" => typeof(sbyte), "ushort" => typeof(ushort), "short" => typeof(short),
        "uint" => typeof(uint), "int" => typeof(int), "ulong" => typeof(ulong), "long" => typeof(long),
        "float" => typeof(float), _ => typeof(double),
    };

    private static byte[] AsBytes(Array pixels)
    {
        var bytes = new byte[Buffer.ByteLength(pixels)];
        Buffer.BlockCopy(pixels, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static void AssertBytes(byte[] expected, ReadOnlySpan<byte> actual, string what)
    {
        if (actual.SequenceEqual(expected)) return;
        int at = 0;
        while (expected[at] == actual[at]) at++;
        Assert.Fail($"{what}: first difference at byte {at}: expected {expected[at]:X2}, got {actual[at]:X2}");
    }
}
