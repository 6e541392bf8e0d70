namespace ManifestLint.Reporting.Sarif;

/// <summary>Options of the SARIF reporter.</summary>
/// <param name="Category">
/// Code scanning category (the Action's <c>category</c> input); written as <c>automationDetails.id = "category/"</c>
/// so several uploads for one commit (one per chart or values set) keep separate alerts.
/// </param>
/// <param name="BaselineStates">
/// Set when the run was compared with a baseline: state by <see cref="Core.Rules.Finding.Fingerprint"/>. Every result
/// then gets a <c>baselineState</c>; a fingerprint not in the map is <see cref="SarifBaselineState.New"/>. Null: no
/// baseline, no <c>baselineState</c> written.
/// </param>
public sealed record SarifReporterOptions(string? Category = null, IReadOnlyDictionary<string, SarifBaselineState>? BaselineStates = null)
{
    public static SarifReporterOptions Default { get; } = new();
}
