using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixelGen.Generators.Diagnostics;
using PixelGen.Generators.Parsing;

namespace PixelGen.Generators
{
    /// <summary>
    /// Reports invalid <c>[PixelLayout]</c> declarations (PG1001–PG1011) at the attribute. It runs the generator's own
    /// parser, so what it accepts is exactly what the generator emits; the generator itself reports nothing and keeps
    /// no locations in its cached model (the Roslyn incremental-generator cookbook's advice).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PixelLayoutAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.All);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(PixelLayoutParser.AttributeMetadataName);
                if (attributeType is null) return;
                start.RegisterSymbolAction(ctx => Analyze(ctx, attributeType), SymbolKind.NamedType, SymbolKind.Method);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
        {
            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) continue;
                var result = PixelLayoutParser.Parse(context.Symbol, attribute, context.CancellationToken);
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                    ?? (context.Symbol.Locations.Length > 0 ? context.Symbol.Locations[0] : Location.None);
                foreach (var issue in result.Issues)
                    context.ReportDiagnostic(Diagnostic.Create(issue.Descriptor, location, issue.Args));
            }
        }
    }
}
