using System.Collections.Immutable;

namespace ManifestLint.Helm;

/// <summary>
/// Everything one render produced: the executed templates, their documents in Helm's order, hooks, CRDs, and the
/// problems. Templates that failed are absent from <see cref="Templates"/> but the others are all there.
/// </summary>
public sealed record ChartRender
{
    /// <summary>The chart after dependency processing (null when it could not be loaded).</summary>
    public HelmChart? Chart { get; init; }

    public required RenderOptions Options { get; init; }

    /// <summary>Executed templates (partials excluded), in Helm's execution order.</summary>
    public ImmutableArray<RenderedTemplate> Templates { get; init; } = [];

    /// <summary>Documents that are not hooks, sorted in install order.</summary>
    public ImmutableArray<RenderedManifest> Manifests { get; init; } = [];

    /// <summary>Hook documents, sorted by kind.</summary>
    public ImmutableArray<RenderedManifest> Hooks { get; init; } = [];

    /// <summary>crds/ files of the chart and its enabled subcharts: Helm's name and raw text.</summary>
    public ImmutableArray<(string Name, string? RepositoryPath, string Text)> Crds { get; init; } = [];

    /// <summary>Rendered NOTES.txt of the top chart, if any.</summary>
    public string? Notes { get; init; }

    /// <summary>Problems in the order Helm would meet them: the first is the one <c>helm template</c> reports.</summary>
    public ImmutableArray<RenderProblem> Problems { get; init; } = [];

    /// <summary>True when Helm would fail (some problem).</summary>
    public bool Failed => !Problems.IsDefaultOrEmpty;

    /// <summary>Helm template names (<c>chart/templates/x.yaml</c>) to repository paths (null inside archives).</summary>
    public ImmutableDictionary<string, string?> TemplatePaths { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>The provenance map of one of this render's documents, for <c>YamlLoader.Load</c>.</summary>
    public TemplateSourceMap SourceMapFor(RenderedManifest manifest) => new(manifest, TemplatePaths);

    /// <summary>The release name used (after <c>--name-template</c>).</summary>
    public string ReleaseName { get; init; } = string.Empty;
}
