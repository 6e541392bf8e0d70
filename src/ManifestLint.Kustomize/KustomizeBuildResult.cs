using System.Collections.Immutable;

namespace ManifestLint.Kustomize;

/// <summary>
/// The build of one root: its documents (empty when a problem stopped the build), the problems, and every file and
/// folder the build read (repository-relative), so discovery does not lint those files again as plain manifests.
/// </summary>
public sealed record KustomizeBuildResult(
    string Root,
    ImmutableArray<BuiltDocument> Documents,
    ImmutableArray<KustomizeProblem> Problems,
    ImmutableArray<string> FilesRead)
{
    /// <summary>The whole output, as <c>kubectl kustomize</c> prints it.</summary>
    public string Text => string.Join("---\n", Documents.Select(d => d.Text));
}
