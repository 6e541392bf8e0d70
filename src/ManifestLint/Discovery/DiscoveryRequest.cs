using System.Collections.Immutable;

namespace ManifestLint.Discovery;

/// <summary>What to walk and what to leave out.</summary>
/// <param name="Paths">Files or folders; relative paths are resolved against <paramref name="WorkingDirectory"/>.</param>
/// <param name="RepositoryRoot">Absolute root that output paths are relative to; its <c>.manifestlintignore</c> applies.</param>
/// <param name="Include">Globs (relative to the repository root) a file must match; empty: every manifest file.</param>
/// <param name="Exclude">Globs (relative to the repository root) of files and folders to skip.</param>
public sealed record DiscoveryRequest(
    ImmutableArray<string> Paths,
    string WorkingDirectory,
    string RepositoryRoot,
    ImmutableArray<string> Include,
    ImmutableArray<string> Exclude);
