using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ManifestLint.Reporting.Sarif;

/// <summary>The property bag of a rule, with the keys GitHub code scanning reads.</summary>
/// <param name="Tags">At most 20 (code scanning's limit).</param>
/// <param name="SecuritySeverity">A score "0.1" to "10.0" (a string, one decimal); its presence makes alerts security alerts.</param>
/// <param name="Precision"><c>very-high</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</param>
public sealed record RuleProperties(
    ImmutableArray<string> Tags,
    [property: JsonPropertyName("security-severity")] string? SecuritySeverity,
    string? Precision);
