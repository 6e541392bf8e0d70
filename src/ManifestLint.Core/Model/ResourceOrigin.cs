namespace ManifestLint.Core.Model;

/// <summary>Where a resource came from: a plain file, or a chart's template.</summary>
/// <param name="Path">The file (for charts, the template file) relative to the repository root.</param>
/// <param name="DocumentIndex">Index of the document in its file or rendered template.</param>
/// <param name="Chart">The chart's root folder, for rendered resources.</param>
/// <param name="Scenario">The values scenario the chart was rendered with, if several.</param>
/// <param name="Kustomization">The Kustomize root (folder) whose build produced the resource.</param>
public sealed record ResourceOrigin(string Path, int DocumentIndex, string? Chart = null, string? Scenario = null, string? Kustomization = null);
