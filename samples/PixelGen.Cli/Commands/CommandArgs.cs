namespace PixelGen.Cli.Commands;

/// <summary>Tiny argument helpers shared by the write-back commands.</summary>
internal static class CommandArgs
{
    private static readonly string[] s_valued = ["--to", "--below", "--factor"];

    /// <summary>Arguments that are neither options nor option values.</summary>
    public static List<string> Positional(string[] args)
    {
        var list = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (s_valued.Contains(args[i])) { i++; continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) list.Add(args[i]);
        }
        return list;
    }

    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
