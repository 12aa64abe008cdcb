using PixelGen.Cli;

namespace PixelGen.Tests.Support;

/// <summary>Runs the CLI in process and captures its exit code and output.</summary>
internal static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
