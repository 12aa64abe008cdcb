using System.Text;

namespace PixelGen.Generators.Emit
{
    /// <summary>A minimal indented text writer (four spaces per level, \n line ends) for emitting C#.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, then indents.</summary>
        public IndentedWriter Open(string? header = null)
        {
            if (header is not null) Line(header);
            Line("{");
            _indent++;
            return this;
        }

        /// <summary>Outdents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
        public IndentedWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        public override string ToString() => _builder.ToString();
    }
}
