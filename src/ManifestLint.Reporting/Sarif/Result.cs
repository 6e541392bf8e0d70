using System.Collections.Immutable;

namespace ManifestLint.Reporting.Sarif;

/// <summary>
/// One finding. <see cref="PartialFingerprints"/> carries our own line-independent key (<c>manifestlint/v1</c>),
/// never <c>primaryLocationLineHash</c>, which GitHub computes itself.
/// </summary>
public sealed record Result(
    string RuleId,
    int? RuleIndex,
    string Level,
    Message Message,
    ImmutableArray<Location> Locations,
    ImmutableArray<Location> RelatedLocations,
    IReadOnlyDictionary<string, string>? PartialFingerprints,
    ImmutableArray<Suppression> Suppressions,
    string? BaselineState,
    ResultProperties? Properties);
