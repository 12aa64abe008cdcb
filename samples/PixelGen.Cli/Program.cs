using PixelGen;
using PixelGen.Cli;
using PixelGen.Cli.Commands;

return CliApp.Run(args, Console.Out, Console.Error);

namespace PixelGen.Cli
{
    /// <summary>Dispatches a verb to its command; PixelGen's own exceptions become one-line errors and exit code 2.</summary>
    internal static class CliApp
    {
        public const string DefaultVerb = "info";

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length > 0 && args[0] is "-h" or "--help" or "help")
            {
                PrintUsage(stdout);
                return 0;
            }
            var verb = args.Length == 0 ? DefaultVerb : args[0];
            var command = CommandTable.All.FirstOrDefault(c => c.Name == verb);
            if (command is null)
            {
                stderr.WriteLine($"unknown command '{verb}'");
                PrintUsage(stderr);
                return 1;
            }
            try
            {
                return command.Run(args.Skip(1).ToArray(), stdout, stderr);
            }
            catch (PixelGenException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return 2;
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return 2;
            }
        }

        private static void PrintUsage(TextWriter w)
        {
            w.WriteLine("usage: pixelgen COMMAND [FILE] [options]   (FILE omitted: a synthetic multi-frame file)");
            foreach (var c in CommandTable.All) w.WriteLine($"  {c.Usage}");
        }
    }
}
