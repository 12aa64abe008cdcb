namespace PixelGen.Cli.Commands;

/// <summary>The CLI's verbs. Add a command: one file under Commands/, one line here.</summary>
internal static class CommandTable
{
    public static readonly IReadOnlyList<ICliCommand> All =
    [
        new InfoCommand(),
        new FramesCommand(),
        new FrameInfoCommand(),
        new DecodeCommand(),
        new TransformCommand(),
        new RenderCommand(),
        new TranscodeCommand(),
        new ThresholdCommand(),
        new DownsampleCommand(),
        new BenchCommand(),
    ];
}
