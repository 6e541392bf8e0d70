using System.Collections.Immutable;
using ManifestLint.Templates.Provenance;

namespace ManifestLint.Helm;

/// <summary>One executed template file.</summary>
/// <param name="Name">Helm's name for it (<c>chart/charts/sub/templates/x.yaml</c>), as in <c># Source:</c>.</param>
/// <param name="RepositoryPath">The file relative to the repository root, or null when it lives inside an archive.</param>
/// <param name="Text">The rendered text (<c>&lt;no value&gt;</c> removed).</param>
/// <param name="Segments">What produced each span of <paramref name="Text"/>.</param>
public sealed record RenderedTemplate(string Name, string? RepositoryPath, string Text, ImmutableArray<OutputSegment> Segments);
