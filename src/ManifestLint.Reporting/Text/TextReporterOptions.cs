namespace ManifestLint.Reporting.Text;

/// <summary>How the human-readable report looks. The CLI decides <see cref="Color"/> (a TTY and no NO_COLOR).</summary>
/// <param name="Color">Emit ANSI colour sequences.</param>
/// <param name="ShowSuppressed">Also print suppressed findings, marked with their justification.</param>
/// <param name="Quiet">
/// One line per finding (<c>path:line:col: severity[rule-id] message</c>) with no code frame, fix, notes or
/// summary; nothing at all when the run is clean. For scripts and CI logs that only want the hits.
/// </param>
public sealed record TextReporterOptions(bool Color = false, bool ShowSuppressed = false, bool Quiet = false)
{
    public static TextReporterOptions Default { get; } = new();
}
