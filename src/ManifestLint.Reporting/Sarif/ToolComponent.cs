using System.Collections.Immutable;

namespace ManifestLint.Reporting.Sarif;

/// <summary>The analysis tool. <see cref="Rules"/> is always written (code scanning rejects a driver without it).</summary>
public sealed record ToolComponent(
    string Name,
    string? Version,
    string? SemanticVersion,
    string? InformationUri,
    ImmutableArray<ReportingDescriptor> Rules);
