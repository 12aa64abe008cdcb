namespace PixelGen.Cli.Commands;

/// <summary>One CLI verb. Each lives in its own file under Commands/ and is listed in <see cref="CommandTable"/>.</summary>
internal interface ICliCommand
{
    /// <summary>The verb, e.g. <c>info</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text, e.g. <c>info FILE  transfer syntax, layout, frames</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb with the arguments after it; returns the process exit code.</summary>
    int Run(string[] args, TextWriter stdout, TextWriter stderr);
}
