using Microsoft.CodeAnalysis;

namespace PixelGen.Generators.Diagnostics
{
    /// <summary>
    /// The PG1xxx rules (PG0xxx is reserved for analyzers of user code). Each has a page under docs/rules/.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "PixelGen.Generators";
        // Relative to the repository root; docs/rules/PGxxxx.md explains each rule with examples.
        private const string HelpLinkBase = "https://github.com/pixelgen/pixelgen/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor BitsAllocatedInvalid = Create(
            "PG1001", "Bits Allocated must be 1, 8, 16, 32 or 64",
            "[PixelLayout] on '{0}': Bits Allocated is {1}; it must be 1, 8, 16, 32 or 64");

        public static readonly DiagnosticDescriptor BitsStoredInvalid = Create(
            "PG1002", "Bits Stored must be between 1 and Bits Allocated",
            "[PixelLayout] on '{0}': Bits Stored is {1} but Bits Allocated is {2}; Bits Stored must be between 1 and Bits Allocated");

        public static readonly DiagnosticDescriptor HighBitInconsistent = Create(
            "PG1003", "High Bit is inconsistent with Bits Stored and Bits Allocated",
            "[PixelLayout] on '{0}': High Bit is {1}; with Bits Stored {2} and Bits Allocated {3} it must be between {4} and {5}");

        public static readonly DiagnosticDescriptor PlanarInvalid = Create(
            "PG1004", "Planar Configuration is invalid for the number of samples",
            "[PixelLayout] on '{0}': Planar is {1} with Samples {2}; Planar must be 0 or 1, and 1 only with more than one sample per pixel");

        public static readonly DiagnosticDescriptor FloatBitsInvalid = Create(
            "PG1005", "Float data needs Bits Allocated 32, Double data 64",
            "[PixelLayout] on '{0}': Kind {1} needs Bits Allocated {2}, not {3}");

        public static readonly DiagnosticDescriptor SamplesInvalid = Create(
            "PG1006", "Samples per Pixel must be 1, 3 or 4",
            "[PixelLayout] on '{0}': Samples is {1}; it must be 1, 3 or 4");

        public static readonly DiagnosticDescriptor SingleBitInvalid = Create(
            "PG1007", "1-bit data must be unsigned with one sample",
            "[PixelLayout] on '{0}': 1-bit pixel data must be unsigned with one sample per pixel");

        public static readonly DiagnosticDescriptor SpanElementCannotHold = Create(
            "PG1008", "The span's element type cannot hold the decoded values",
            "[PixelLayout] on '{0}': Span<{1}> cannot hold {2} values; use Span<{3}>{4}");

        public static readonly DiagnosticDescriptor MethodSignatureInvalid = Create(
            "PG1009", "The decoding method has an unsupported declaration",
            "[PixelLayout] on '{0}': {1}; declare it as 'static partial void {0}(ReadOnlySpan<byte> raw, Span<T> pixels);'");

        public static readonly DiagnosticDescriptor TypeNotPartial = Create(
            "PG1010", "The decoder type and its containing types must be partial",
            "[PixelLayout] on '{0}': '{1}' must be declared partial so the generator can add the decoder");

        public static readonly DiagnosticDescriptor TypeUnsupported = Create(
            "PG1011", "The type cannot become a frame decoder",
            "[PixelLayout] on '{0}': {1}; use a non-generic, non-static, non-abstract partial class or struct");

        private static DiagnosticDescriptor Create(string id, string title, string message)
            => new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: HelpLinkBase + id + ".md");

        public static readonly DiagnosticDescriptor[] All =
        {
            BitsAllocatedInvalid, BitsStoredInvalid, HighBitInconsistent, PlanarInvalid, FloatBitsInvalid, SamplesInvalid,
            SingleBitInvalid, SpanElementCannotHold, MethodSignatureInvalid, TypeNotPartial, TypeUnsupported,
        };
    }
}
