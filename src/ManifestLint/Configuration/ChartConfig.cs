using System.Collections.Immutable;

namespace ManifestLint.Configuration;

/// <summary>How one chart is rendered for linting, from <c>charts.&lt;path&gt;</c> in the configuration file.</summary>
/// <param name="ChartPath">The chart folder, absolute.</param>
/// <param name="ValuesFiles">Values files (absolute), applied after the chart's own values.yaml, in order.</param>
/// <param name="Set">Helm <c>--set</c> expressions.</param>
/// <param name="SetString">Helm <c>--set-string</c> expressions.</param>
/// <param name="ReleaseName">Release name, or null for Helm's default.</param>
/// <param name="Namespace">Release namespace, or null for the run's.</param>
/// <param name="ApiVersions">API versions added to <c>.Capabilities.APIVersions</c> (Helm's <c>--api-versions</c>).</param>
/// <param name="HelmLine">Helm release line (helmVersion 3, 4/4.1 or 4.2) the chart is rendered as, or null for the run's.</param>
public sealed record ChartConfig(
    string ChartPath,
    ImmutableArray<string> ValuesFiles,
    ImmutableArray<string> Set,
    ImmutableArray<string> SetString,
    string? ReleaseName,
    string? Namespace,
    ImmutableArray<string> ApiVersions,
    Helm.HelmLine? HelmLine = null);
