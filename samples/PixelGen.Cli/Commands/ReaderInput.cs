using PixelGen.Cli.Synthetic;
using PixelGen.Frames;

namespace PixelGen.Cli.Commands;

/// <summary>Opens the FILE argument, or the synthetic sample when none is given.</summary>
internal static class ReaderInput
{
    /// <summary>The first argument that is not an option, or null.</summary>
    public static string? FileArgument(string[] args) => args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));

    public static FrameReader Open(string? path, out string displayName)
    {
        if (path is null)
        {
            displayName = SampleFile.DisplayName;
            return new FrameReader(new MemoryStream(SampleFile.Build()));
        }
        displayName = path;
        return FrameReader.Open(path);
    }
}
