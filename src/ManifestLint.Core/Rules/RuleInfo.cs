using System.Collections.Immutable;

namespace ManifestLint.Core.Rules;

/// <summary>
/// Everything known about a rule, in one place: the CLI, docs, SARIF and configuration all read it.
/// </summary>
/// <param name="Id">Stable kebab-case id, never reused.</param>
/// <param name="Summary">One line, stated as the requirement ("Containers must not run privileged").</param>
/// <param name="Rationale">Why it matters (markdown).</param>
/// <param name="Remediation">How to fix, one or two sentences ending with a period.</param>
/// <param name="SecuritySeverity">GitHub code scanning's 0.1–10.0 score; 0 means derive it from <paramref name="Severity"/>.</param>
/// <param name="Tags">Extra SARIF tags (the category is always added).</param>
/// <param name="PeerChecks">Checks of kube-score, Polaris, kube-linter and Checkov that this rule covers (migration docs, their inline suppressions).</param>
public sealed record RuleInfo(
    string Id,
    string Summary,
    Category Category,
    Severity Severity,
    bool EnabledByDefault,
    string Since,
    string Rationale,
    string Remediation,
    ImmutableArray<RuleReference> References,
    double SecuritySeverity = 0,
    ImmutableArray<string> Tags = default,
    ImmutableArray<PeerCheck> PeerChecks = default)
{
    /// <summary>The score used for SARIF <c>security-severity</c>.</summary>
    public double EffectiveSecuritySeverity => SecuritySeverity > 0 ? SecuritySeverity : Severity switch
    {
        Severity.Error => 8.0,
        Severity.Warning => 5.0,
        _ => 2.0,
    };

    public string HelpUri => $"https://github.com/manifestlint/manifestlint/blob/main/rules/{Id}.md";
}
