using System.Collections.Immutable;

namespace ManifestLint.Reporting.Sarif;

/// <summary>One run of one tool. <see cref="Results"/> is always written, empty or not (code scanning requires it).</summary>
public sealed record Run(
    Tool Tool,
    ImmutableArray<Invocation> Invocations,
    IReadOnlyDictionary<string, ArtifactLocation>? OriginalUriBaseIds,
    RunAutomationDetails? AutomationDetails,
    string? ColumnKind,
    ImmutableArray<Result> Results);
