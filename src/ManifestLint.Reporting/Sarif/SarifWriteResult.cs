using System.Collections.Immutable;

namespace ManifestLint.Reporting.Sarif;

/// <summary>What <see cref="SarifReporter.WriteChecked"/> wrote, and the code scanning limits it exceeds.</summary>
/// <param name="Results">Results in the run (none are ever dropped).</param>
/// <param name="Rules">Rules in the driver.</param>
/// <param name="Bytes">UTF-8 size of the log.</param>
/// <param name="LimitWarnings">One sentence per exceeded limit, also written into the log as warning notifications; the CLI prints them on stderr.</param>
public sealed record SarifWriteResult(int Results, int Rules, long Bytes, ImmutableArray<string> LimitWarnings)
{
    public bool ExceedsGitHubLimits => !LimitWarnings.IsEmpty;
}
