namespace ManifestLint.Discovery;

/// <summary>A Helm chart root (a folder holding <c>Chart.yaml</c>); its templates are never read as plain YAML.</summary>
/// <param name="FullPath">Absolute path of the chart folder.</param>
/// <param name="Path">Path relative to the repository root, with forward slashes.</param>
public sealed record ChartInput(string FullPath, string Path);
