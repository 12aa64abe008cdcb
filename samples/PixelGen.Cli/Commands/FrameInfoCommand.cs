namespace PixelGen.Cli.Commands;

/// <summary><c>frameinfo [FILE]</c>: the FrameInfo JSON (docs/frameinfo-schema.md), to read frames later without parsing.</summary>
internal sealed class FrameInfoCommand : ICliCommand
{
    public string Name => "frameinfo";
    public string Usage => "frameinfo [FILE]        FrameInfo JSON (schema: docs/frameinfo-schema.md)";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var reader = ReaderInput.Open(ReaderInput.FileArgument(args), out _);
        stdout.WriteLine(reader.FrameInfo.ToJson());
        return 0;
    }
}
