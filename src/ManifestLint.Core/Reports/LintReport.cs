using System.Collections.Immutable;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Core.Reports;

/// <summary>
/// Everything a reporter needs, and nothing more: findings after policy (sorted, suppressions applied),
/// the metadata of every rule that ran or could be reported (for SARIF's rule table), the source texts
/// for code frames, and run statistics. Reporters never see YAML nodes.
/// </summary>
/// <param name="Findings">Sorted with <see cref="RuleRunner.Sort"/>; suppressed findings included (marked).</param>
/// <param name="Rules">Rules of the run (enabled rules plus the reserved input-problem ids), sorted by id.</param>
/// <param name="Sources">Texts by repository-relative path, for code frames.</param>
/// <param name="Statistics">Counts for the summary.</param>
/// <param name="ToolVersion">The product version.</param>
/// <param name="RepositoryRoot">Absolute path findings' paths are relative to (SARIF's %SRCROOT%).</param>
public sealed record LintReport(
    ImmutableArray<Finding> Findings,
    ImmutableArray<RuleInfo> Rules,
    IReadOnlyDictionary<string, SourceFile> Sources,
    LintStatistics Statistics,
    string ToolVersion,
    string RepositoryRoot)
{
    /// <summary>Severity per rule id after configuration overrides (absent: the rule's default).</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary<string, Severity>.Empty;
}
