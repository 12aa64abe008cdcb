using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixelGen.Generators.Emit;
using PixelGen.Generators.Model;
using PixelGen.Generators.Parsing;

namespace PixelGen.Generators
{
    /// <summary>
    /// Emits a specialised frame decoder for every <c>[PixelLayout]</c> declaration. Pipeline:
    /// attribute → <see cref="DecoderSpec"/> (value-equatable, step <see cref="TrackingNames.Decoders"/>) → one source per
    /// declaration; type-form specs → sorted names (step <see cref="TrackingNames.Registrations"/>) → one module initializer.
    /// Invalid declarations produce nothing here; <see cref="PixelLayoutAnalyzer"/> reports them with the same parser.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PixelLayoutGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<DecoderSpec> decoders = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    PixelLayoutParser.AttributeMetadataName,
                    static (node, _) => node is TypeDeclarationSyntax or MethodDeclarationSyntax,
                    static (ctx, ct) => PixelLayoutParser.Parse(ctx.TargetSymbol, ctx.Attributes[0], ct).Spec)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.Decoders);

            context.RegisterSourceOutput(decoders, static (spc, spec) => spc.AddSource(spec.HintName, DecoderEmitter.Emit(spec)));

            // Only the assembly name is taken from the compilation, so edits elsewhere keep this step cached.
            IncrementalValueProvider<string> assemblyName = context.CompilationProvider
                .Select(static (compilation, _) => compilation.AssemblyName ?? "")
                .WithTrackingName(TrackingNames.AssemblyName);

            IncrementalValueProvider<RegistrationSpec> registrations = decoders
                .Where(static spec => spec.Form == DecoderForm.Type)
                .Select(static (spec, _) => spec.FullyQualifiedTypeName)
                .Collect()
                .Combine(assemblyName)
                .Select(static (pair, _) => new RegistrationSpec(
                    pair.Right,
                    new EquatableArray<string>(pair.Left.OrderBy(static n => n, System.StringComparer.Ordinal).ToArray())))
                .WithTrackingName(TrackingNames.Registrations);

            context.RegisterSourceOutput(registrations, static (spc, spec) =>
            {
                if (spec.DecoderTypes.Count > 0) spc.AddSource(RegistrationEmitter.HintName, RegistrationEmitter.Emit(spec));
            });
        }
    }
}
