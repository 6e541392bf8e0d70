using System.Collections.Immutable;
using ManifestLint.Core.Rules;

namespace ManifestLint.Core.Policy;

/// <summary>
/// Reserved ids for problems with suppression annotations themselves. Like input problems they are
/// findings produced outside any rule class, so a report must list them in its rule table.
/// </summary>
public static class PolicyProblems
{
    /// <summary>An annotation names a rule id that does not exist (a typo suppresses nothing).</summary>
    public static RuleInfo SuppressionUnknownRule { get; } = new(
        "suppression-unknown-rule",
        "Suppressions must name a known rule",
        Category.Input,
        Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: "A suppression annotation whose rule id is misspelled or was renamed suppresses nothing, so the author believes a finding is accepted while it keeps being reported, or believes a resource is reviewed when it is not.",
        Remediation: "Use an id listed by `manifestlint rules`, or remove the annotation.",
        References: [new RuleReference("ManifestLint suppressions", "https://github.com/manifestlint/manifestlint/blob/main/README.md#suppressions")],
        SecuritySeverity: 0.1);

    /// <summary>Every policy problem id, including <see cref="InputProblems.SuppressionWithoutReason"/>.</summary>
    public static ImmutableArray<RuleInfo> All { get; } = [InputProblems.SuppressionWithoutReason, SuppressionUnknownRule];
}
