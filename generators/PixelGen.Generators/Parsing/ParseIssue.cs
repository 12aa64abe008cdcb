using Microsoft.CodeAnalysis;

namespace PixelGen.Generators.Parsing
{
    /// <summary>
    /// A problem found while reading a declaration. Only the analyzer turns these into diagnostics (it has the
    /// attribute's location at hand); the generator drops the declaration and keeps nothing location-bound.
    /// </summary>
    internal readonly struct ParseIssue
    {
        public ParseIssue(DiagnosticDescriptor descriptor, params object[] args)
        {
            Descriptor = descriptor;
            Args = args;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public object[] Args { get; }
    }
}
