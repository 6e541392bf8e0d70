using System.Collections.Immutable;
using ManifestLint.Core.Rules;

namespace ManifestLint.Core.Baselines;

/// <summary>The findings of a run compared with a baseline.</summary>
/// <param name="Findings">All findings; those the baseline accepts are suppressed (external).</param>
/// <param name="Absent">Baseline entries that no longer occur: the file can shrink.</param>
/// <param name="InBaseline">Per fingerprint: true when the baseline accepted it (SARIF <c>unchanged</c>), false when new.</param>
public sealed record BaselineComparison(ImmutableArray<Finding> Findings, ImmutableArray<BaselineEntry> Absent, ImmutableDictionary<string, bool> InBaseline)
{
    public int NewCount => Findings.Count(f => !f.IsSuppressed);
}
