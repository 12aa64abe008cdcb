using System.Collections.Immutable;
using PixelGen.Generators.Model;

namespace PixelGen.Generators.Parsing
{
    /// <summary>Either a model to emit or the issues that prevent it.</summary>
    internal sealed class ParseResult
    {
        public ParseResult(DecoderSpec? spec, ImmutableArray<ParseIssue> issues)
        {
            Spec = spec;
            Issues = issues;
        }

        public DecoderSpec? Spec { get; }

        public ImmutableArray<ParseIssue> Issues { get; }
    }
}
