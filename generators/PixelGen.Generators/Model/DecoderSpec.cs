namespace PixelGen.Generators.Model
{
    /// <summary>Which declaration the attribute sits on.</summary>
    internal enum DecoderForm
    {
        /// <summary>A partial class or struct that becomes an <c>IFrameDecoder</c>.</summary>
        Type,
        /// <summary>A static partial method whose body is generated.</summary>
        Method,
    }

    /// <summary>A type that encloses the decoder, e.g. <c>partial class Outer&lt;T&gt;</c>.</summary>
    internal sealed record ContainingTypeSpec(string Keyword, string NameWithTypeParameters);

    /// <summary>The partial method of the method form, as declared.</summary>
    /// <param name="Modifiers">Accessibility as written (must be repeated verbatim on the implementation), e.g. <c>public</c> or empty.</param>
    /// <param name="PixelsElementKeyword">Element type of the user's span, e.g. <c>short</c>; may differ from the decoded type when same-sized and wide enough.</param>
    internal sealed record MethodSpec(string Modifiers, string Name, string RawParameterName, string PixelsParameterName, string PixelsElementKeyword);

    /// <summary>
    /// Everything the emitter needs for one <c>[PixelLayout]</c> declaration. Strings, enums and equatable arrays only:
    /// never an ISymbol, SyntaxNode or Location, so the incremental pipeline can cache it across edits.
    /// </summary>
    /// <param name="Namespace">Namespace of the host type, empty for the global namespace.</param>
    /// <param name="ContainingTypes">Enclosing types, outermost first.</param>
    /// <param name="TypeKeyword">Keyword of the host type (<c>class</c>, <c>struct</c>, <c>record class</c>…).</param>
    /// <param name="TypeName">Host type name (with type parameters for the method form).</param>
    /// <param name="DecoderName">Name the decoder reports (type form).</param>
    /// <param name="Method">The method form's signature; null for the type form.</param>
    internal sealed record DecoderSpec(
        DecoderForm Form,
        string Namespace,
        EquatableArray<ContainingTypeSpec> ContainingTypes,
        string TypeKeyword,
        string TypeName,
        string DecoderName,
        MethodSpec? Method,
        LayoutSpec Layout)
    {
        /// <summary>Fully qualified name of the host type, <c>global::</c> prefixed (type form registration).</summary>
        public string FullyQualifiedTypeName
        {
            get
            {
                var sb = new System.Text.StringBuilder("global::");
                if (Namespace.Length > 0) sb.Append(Namespace).Append('.');
                foreach (var c in ContainingTypes) sb.Append(c.NameWithTypeParameters).Append('.');
                return sb.Append(TypeName).ToString();
            }
        }

        /// <summary>A stable, unique file name: <c>Namespace.Outer.Type.PixelLayout.g.cs</c> (method form adds the method and element type).</summary>
        public string HintName
        {
            get
            {
                var sb = new System.Text.StringBuilder();
                if (Namespace.Length > 0) sb.Append(Namespace).Append('.');
                foreach (var c in ContainingTypes) sb.Append(Sanitize(c.NameWithTypeParameters)).Append('.');
                sb.Append(Sanitize(TypeName));
                if (Method is not null) sb.Append('.').Append(Method.Name).Append('_').Append(Method.PixelsElementKeyword);
                return sb.Append(".PixelLayout.g.cs").ToString();
            }
        }

        private static string Sanitize(string name) => name.Replace('<', '{').Replace('>', '}').Replace(" ", "");
    }
}
