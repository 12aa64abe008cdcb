namespace PixelGen.Writing;

/// <summary>One attribute that does not agree with the pixel data (or with the other Image Pixel attributes).</summary>
/// <param name="Attribute">The attribute's keyword, e.g. <c>Rows</c>, or <c>TransferSyntaxUID</c>.</param>
/// <param name="Actual">Its current value as text ("absent" when missing).</param>
/// <param name="Expected">The value the pixel data implies, or a short rule when no single value follows.</param>
/// <param name="Message">The sentence shown to users, e.g. "Rows is 512 but the pixel data holds 256 rows".</param>
public sealed record PixelConsistencyProblem(string Attribute, string Actual, string Expected, string Message);

/// <summary>
/// Raised before a write when the Image Pixel attributes, the transfer syntax and the pixel data disagree.
/// The message names every stale attribute and the value the pixel data implies; <see cref="Problems"/> lists them.
/// Turn the check off with <see cref="WriteOptions.SkipConsistencyCheck"/>.
/// </summary>
public sealed class PixelConsistencyException : PixelGenException
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public PixelConsistencyException(IReadOnlyList<PixelConsistencyProblem> problems)
        : base(Compose(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order checked.</summary>
    public IReadOnlyList<PixelConsistencyProblem> Problems { get; }

    private static string Compose(IReadOnlyList<PixelConsistencyProblem> problems)
        => "The pixel data does not match the data set: " + string.Join("; ", problems.Select(p => p.Message))
           + ". Fix the attributes (SetPixelData keeps them consistent) or set WriteOptions.SkipConsistencyCheck.";
}
