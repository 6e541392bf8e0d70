namespace ManifestLint.Helm;

/// <summary>A problem met while loading or rendering, with Helm's message and, when known, the template position.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Message">Helm's error text (what follows <c>Error: </c>).</param>
/// <param name="Path">Repository-relative file it is in (template, values file or chart folder), or null.</param>
/// <param name="Line">1-based line in <paramref name="Path"/>, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record RenderProblem(RenderProblemKind Kind, string Message, string? Path, int Line, int Column)
{
    /// <summary>
    /// The engine's full text when <see cref="Message"/> is Helm's shortened form of it (Helm keeps only the outermost
    /// location of a <c>required</c>/<c>fail</c> error; the full text names every template call down to the check).
    /// </summary>
    public string? FullMessage { get; init; }
}
