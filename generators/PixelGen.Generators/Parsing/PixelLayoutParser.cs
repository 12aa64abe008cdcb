using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixelGen.Generators.Diagnostics;
using PixelGen.Generators.Model;
using PixelGen.Layout;

namespace PixelGen.Generators.Parsing
{
    /// <summary>
    /// Turns a symbol carrying <c>[PixelLayout]</c> into a <see cref="DecoderSpec"/> or the reasons it cannot be one.
    /// Shared by the generator (which keeps the spec) and the analyzer (which reports the issues), so both apply
    /// exactly the same rules.
    /// </summary>
    internal static class PixelLayoutParser
    {
        public const string AttributeMetadataName = "PixelGen.Generation.PixelLayoutAttribute";

        public static ParseResult Parse(ISymbol target, AttributeData attribute, CancellationToken cancellationToken)
        {
            var issues = ImmutableArray.CreateBuilder<ParseIssue>();
            string displayName = target.Name;
            LayoutSpec layout = ReadLayout(attribute, out string? name);
            ValidateLayout(layout, displayName, issues);

            DecoderSpec? spec = target switch
            {
                INamedTypeSymbol type => ParseType(type, layout, name, issues, cancellationToken),
                IMethodSymbol method => ParseMethod(method, layout, issues, cancellationToken),
                _ => null,
            };
            return new ParseResult(issues.Count == 0 ? spec : null, issues.ToImmutable());
        }

        /// <summary>Reads the named arguments and applies the documented defaults.</summary>
        private static LayoutSpec ReadLayout(AttributeData attribute, out string? name)
        {
            int bitsAllocated = 0, bitsStored = 0, highBit = -1, samples = 1, planar = 0;
            bool signed = false, bigEndian = false;
            bool? owWords = null;
            var kind = PixelDataKind.Integer;
            name = null;
            foreach (var argument in attribute.NamedArguments)
            {
                object? value = argument.Value.Value;
                switch (argument.Key)
                {
                    case "BitsAllocated": bitsAllocated = value as int? ?? 0; break;
                    case "BitsStored": bitsStored = value as int? ?? 0; break;
                    case "HighBit": highBit = value as int? ?? -1; break;
                    case "Samples": samples = value as int? ?? 1; break;
                    case "Planar": planar = value as int? ?? 0; break;
                    case "Signed": signed = value as bool? ?? false; break;
                    case "BigEndian": bigEndian = value as bool? ?? false; break;
                    case "OwWords": owWords = value as bool?; break;
                    case "Kind": kind = (PixelDataKind)(value as int? ?? 0); break;
                    case "Name": name = value as string; break;
                }
            }
            if (kind != PixelDataKind.Integer)
            {
                // Float data has no stored-bits arithmetic; the runtime records Bits Stored = Bits Allocated.
                bitsStored = bitsAllocated;
                highBit = bitsAllocated - 1;
                signed = false;
            }
            if (bitsStored == 0) bitsStored = bitsAllocated;
            if (highBit == -1) highBit = bitsStored - 1;
            // 1-bit data is never byte-swapped, so one decoder serves both byte orders.
            if (bitsAllocated == 1) bigEndian = false;
            // Integer pixel data is OW unless stated otherwise; float data lives in OF/OD, swapped per value.
            bool ow = owWords ?? kind == PixelDataKind.Integer;
            // Where the swap unit makes OW and non-OW identical (16-bit values, 1-bit data) the flag is normalised
            // so that equivalent declarations produce the same model.
            if (bitsAllocated == 16 || bitsAllocated == 1 || !bigEndian) ow = true;
            return new LayoutSpec(bitsAllocated, bitsStored, highBit, signed, samples, planar, bigEndian, ow, kind);
        }

        private static void ValidateLayout(LayoutSpec l, string target, ImmutableArray<ParseIssue>.Builder issues)
        {
            switch (l.Validate())
            {
                case LayoutError.None:
                    return;
                case LayoutError.BitsAllocatedInvalid:
                    issues.Add(new ParseIssue(DiagnosticDescriptors.BitsAllocatedInvalid, target, l.BitsAllocated));
                    return;
                case LayoutError.BitsStoredInvalid:
                    issues.Add(new ParseIssue(DiagnosticDescriptors.BitsStoredInvalid, target, l.BitsStored, l.BitsAllocated));
                    return;
                case LayoutError.HighBitInconsistent:
                    issues.Add(new ParseIssue(DiagnosticDescriptors.HighBitInconsistent, target, l.HighBit, l.BitsStored, l.BitsAllocated, l.BitsStored - 1, l.BitsAllocated - 1));
                    return;
                case LayoutError.SamplesInvalid:
                    issues.Add(new ParseIssue(DiagnosticDescriptors.SamplesInvalid, target, l.Samples));
                    return;
                case LayoutError.PlanarInvalid:
                    issues.Add(new ParseIssue(DiagnosticDescriptors.PlanarInvalid, target, l.Planar, l.Samples));
                    return;
                case LayoutError.FloatBitsInvalid:
                    issues.Add(new ParseIssue(DiagnosticDescriptors.FloatBitsInvalid, target, l.Kind.ToString(), l.Kind == PixelDataKind.Float ? 32 : 64, l.BitsAllocated));
                    return;
                case LayoutError.SingleBitInvalid:
                    issues.Add(new ParseIssue(DiagnosticDescriptors.SingleBitInvalid, target));
                    return;
            }
        }

        private static DecoderSpec? ParseType(INamedTypeSymbol type, LayoutSpec layout, string? name, ImmutableArray<ParseIssue>.Builder issues, CancellationToken ct)
        {
            string? problem =
                type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct ? "only classes and structs can be decoders"
                : type.IsStatic ? "a static class cannot implement IFrameDecoder"
                : type.IsAbstract ? "an abstract class has no instance to register"
                : type.IsGenericType ? "a generic type has no single instance to register"
                : type.IsRefLikeType ? "a ref struct cannot implement IFrameDecoder"
                : !IsAccessibleInAssembly(type) ? "the type must be accessible from its assembly (not private) so it can be registered"
                : null;
            if (problem is not null)
            {
                issues.Add(new ParseIssue(DiagnosticDescriptors.TypeUnsupported, type.Name, problem));
                return null;
            }
            if (!CheckPartialChain(type, type.Name, issues, ct)) return null;
            return new DecoderSpec(
                DecoderForm.Type,
                NamespaceOf(type),
                ContainingTypes(type),
                TypeKeyword(type),
                type.Name,
                string.IsNullOrEmpty(name) ? type.Name : name!,
                Method: null,
                layout);
        }

        private static DecoderSpec? ParseMethod(IMethodSymbol method, LayoutSpec layout, ImmutableArray<ParseIssue>.Builder issues, CancellationToken ct)
        {
            string? problem =
                !method.IsStatic ? "the method must be static"
                : !method.IsPartialDefinition ? "the method must be a partial method declaration without a body"
                : method.PartialImplementationPart is not null ? "the method already has a body"
                : !method.ReturnsVoid ? "the method must return void"
                : method.IsGenericMethod ? "the method cannot be generic"
                : method.Parameters.Length != 2 ? "the method must take exactly two parameters"
                : !IsSpanOf(method.Parameters[0].Type, "ReadOnlySpan", out var rawElement) || rawElement!.SpecialType != SpecialType.System_Byte || method.Parameters[0].RefKind != RefKind.None
                    ? "the first parameter must be ReadOnlySpan<byte>"
                : !IsSpanOf(method.Parameters[1].Type, "Span", out _) || method.Parameters[1].RefKind != RefKind.None
                    ? "the second parameter must be Span<T> with T a primitive numeric type"
                : null;
            if (problem is not null)
            {
                issues.Add(new ParseIssue(DiagnosticDescriptors.MethodSignatureInvalid, method.Name, problem));
                return null;
            }

            IsSpanOf(method.Parameters[1].Type, "Span", out var element);
            string? elementKeyword = NumericKeyword(element!.SpecialType);
            if (elementKeyword is null)
            {
                issues.Add(new ParseIssue(DiagnosticDescriptors.MethodSignatureInvalid, method.Name,
                    $"Span<{element.ToDisplayString()}> is not a span of a primitive numeric type"));
                return null;
            }
            if (layout.Validate() == LayoutError.None && !CanHold(element.SpecialType, layout))
            {
                string decoded = PixelLayoutRules.CSharpKeyword(layout.ElementType);
                string what = layout.IsInteger ? $"{layout.BitsAllocated}-bit {(layout.Signed ? "signed" : "unsigned")} ({layout.BitsStored} stored)" : layout.Kind.ToString();
                issues.Add(new ParseIssue(DiagnosticDescriptors.SpanElementCannotHold, method.Name, elementKeyword, what, decoded,
                    layout.IsInteger && !layout.Signed && layout.BitsStored < layout.BitsAllocated ? " (or the same-sized signed type)" : ""));
                return null;
            }

            var host = method.ContainingType;
            if (!CheckPartialChain(host, method.Name, issues, ct)) return null;
            string modifiers = string.Join(" ", DeclaredAccessibilityTokens(method, ct));
            var methodSpec = new MethodSpec(modifiers, method.Name, method.Parameters[0].Name, method.Parameters[1].Name, elementKeyword);
            return new DecoderSpec(
                DecoderForm.Method,
                NamespaceOf(host),
                ContainingTypes(host),
                TypeKeyword(host),
                NameWithTypeParameters(host),
                method.Name,
                methodSpec,
                layout);
        }

        /// <summary>
        /// True when every value the layout decodes to fits the span's element type without conversion: the same size as
        /// the decoded element, and a signed type for signed layouts or enough value bits for unsigned ones
        /// (12-bit unsigned into <c>Span&lt;short&gt;</c> is fine, 16-bit unsigned into <c>Span&lt;short&gt;</c> is not).
        /// </summary>
        internal static bool CanHold(SpecialType element, LayoutSpec layout)
        {
            var decoded = layout.ElementType;
            if (!layout.IsInteger)
                return (decoded == PixelElementType.Float32 && element == SpecialType.System_Single)
                    || (decoded == PixelElementType.Float64 && element == SpecialType.System_Double);
            int size = element switch
            {
                SpecialType.System_Byte or SpecialType.System_SByte => 1,
                SpecialType.System_UInt16 or SpecialType.System_Int16 => 2,
                SpecialType.System_UInt32 or SpecialType.System_Int32 => 4,
                SpecialType.System_UInt64 or SpecialType.System_Int64 => 8,
                _ => 0,
            };
            if (size != PixelLayoutRules.ElementSize(decoded)) return false;
            bool elementSigned = element is SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64;
            return layout.Signed ? elementSigned : !elementSigned || layout.BitsStored <= size * 8 - 1;
        }

        private static bool CheckPartialChain(INamedTypeSymbol type, string target, ImmutableArray<ParseIssue>.Builder issues, CancellationToken ct)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                bool isPartial = false;
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(ct) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        isPartial = true;
                        break;
                    }
                }
                if (!isPartial)
                {
                    issues.Add(new ParseIssue(DiagnosticDescriptors.TypeNotPartial, target, t.Name));
                    return false;
                }
            }
            return true;
        }

        private static bool IsAccessibleInAssembly(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
                if (t.DeclaredAccessibility is Accessibility.Private or Accessibility.ProtectedAndInternal or Accessibility.Protected)
                    return false;
            return true;
        }

        private static bool IsSpanOf(ITypeSymbol type, string name, out ITypeSymbol? element)
        {
            element = null;
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                && named.Name == name
                && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                element = named.TypeArguments[0];
                return true;
            }
            return false;
        }

        private static string? NumericKeyword(SpecialType type) => type switch
        {
            SpecialType.System_Byte => "byte",
            SpecialType.System_SByte => "sbyte",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int16 => "short",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int32 => "int",
            SpecialType.System_UInt64 => "ulong",
            SpecialType.System_Int64 => "long",
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            _ => null,
        };

        /// <summary>The accessibility keywords as written on the declaration: the implementation must repeat them exactly.</summary>
        private static string[] DeclaredAccessibilityTokens(IMethodSymbol method, CancellationToken ct)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(ct) is MethodDeclarationSyntax declaration)
                    return declaration.Modifiers
                        .Where(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.PrivateKeyword)
                                 || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.InternalKeyword))
                        .Select(m => m.Text)
                        .ToArray();
            }
            return new string[0];
        }

        private static string NamespaceOf(INamedTypeSymbol type)
            => type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";

        private static EquatableArray<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol type)
        {
            var list = ImmutableArray.CreateBuilder<ContainingTypeSpec>();
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
                list.Insert(0, new ContainingTypeSpec(TypeKeyword(t), NameWithTypeParameters(t)));
            return new EquatableArray<ContainingTypeSpec>(list.ToImmutable());
        }

        private static string NameWithTypeParameters(INamedTypeSymbol type)
            => type.TypeParameters.Length == 0 ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

        private static string TypeKeyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record class",
            (false, TypeKind.Struct) => "struct",
            (false, TypeKind.Interface) => "interface",
            _ => "class",
        };
    }
}
