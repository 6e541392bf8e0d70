using System.Collections.Immutable;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Testing;

/// <summary>The result of running one rule over one fixture file.</summary>
/// <param name="Expected">The markers for the rule under test (markers for other rules are ignored).</param>
/// <param name="Problems">Input problems (invalid YAML and the like); a fixture should have none.</param>
public sealed record RuleVerification(
    SourceFile File,
    ImmutableArray<Finding> Findings,
    ImmutableArray<FixtureExpectation> Expected,
    ImmutableArray<Finding> Problems);
