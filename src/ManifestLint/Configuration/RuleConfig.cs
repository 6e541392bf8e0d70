using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Configuration;

/// <summary>The settings of one rule in <c>.manifestlint.yaml</c>; null members were not set.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Enabled">Turns the rule on or off.</param>
/// <param name="Severity">Replaces the rule's severity for every finding it reports.</param>
/// <param name="Options">The rule's options, already bound by the rule (null: its defaults).</param>
/// <param name="Location">Where the rule's entry is, for messages.</param>
public sealed record RuleConfig(string Id, bool? Enabled, Severity? Severity, object? Options, SourceSpan Location);
