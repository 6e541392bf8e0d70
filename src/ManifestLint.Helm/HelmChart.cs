using System.Collections.Immutable;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>
/// A loaded chart: metadata, default values, templates, other files and the subcharts found in <c>charts/</c>.
/// Immutable: dependency processing makes altered copies.
/// </summary>
public sealed record HelmChart
{
    /// <summary>Chart.yaml as <c>.Chart</c> exposes it (Name is the alias when the chart is used under one).</summary>
    public required ChartMetadata Metadata { get; init; }

    /// <summary>Chart.yaml's <c>maintainers</c> (name, email, url), which only Helm 4's <c>.Chart</c> map exposes here.</summary>
    public ImmutableArray<(string Name, string Email, string Url)> Maintainers { get; init; } = [];

    /// <summary>Dependencies declared in Chart.yaml / requirements.yaml.</summary>
    public ImmutableArray<ChartDependency> Dependencies { get; init; } = [];

    /// <summary>values.yaml (empty when absent); entries carry their origin in <see cref="ValuesPath"/>.</summary>
    public required GoMap Values { get; init; }

    /// <summary>The repository-relative path of values.yaml (origin name of <see cref="Values"/>).</summary>
    public string ValuesPath { get; init; } = string.Empty;

    /// <summary>values.schema.json when present.</summary>
    public string? Schema { get; init; }

    /// <summary>Files under templates/.</summary>
    public ImmutableArray<ChartFile> Templates { get; init; } = [];

    /// <summary>Every other file not ignored (crds/ included), as <c>.Files</c> sees them.</summary>
    public ImmutableArray<ChartFile> Files { get; init; } = [];

    /// <summary>Charts found in charts/ (folders and archives).</summary>
    public ImmutableArray<HelmChart> Subcharts { get; init; } = [];

    /// <summary>Where template paths of this chart start, repository-relative (e.g. <c>charts/app</c>), or, inside an archive, the archive path plus the chart folder.</summary>
    public string SourcePath { get; init; } = string.Empty;

    /// <summary>True when templates of this chart come from an archive: their lines cannot be opened in the repository.</summary>
    public bool FromArchive { get; init; }

    /// <summary>The chart's name as Helm uses it in paths and values (alias applied).</summary>
    public string Name => Metadata.Name;

    /// <summary>True for <c>type: library</c>.</summary>
    public bool IsLibrary => string.Equals(Metadata.Type, "library", StringComparison.Ordinal);

    /// <summary>The files under crds/, in name order.</summary>
    public IEnumerable<ChartFile> Crds => Files.Where(f => f.Name.StartsWith("crds/", StringComparison.Ordinal));
}
