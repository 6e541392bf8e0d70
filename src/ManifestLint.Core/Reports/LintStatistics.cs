namespace ManifestLint.Core.Reports;

/// <summary>What was read in a run.</summary>
/// <param name="Files">Plain manifest files read.</param>
/// <param name="Charts">Helm charts rendered.</param>
/// <param name="Documents">YAML documents read.</param>
/// <param name="Resources">Kubernetes objects linted.</param>
/// <param name="SkippedDocuments">Documents that were not Kubernetes objects (no apiVersion/kind).</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record LintStatistics(int Files, int Charts, int Documents, int Resources, int SkippedDocuments, TimeSpan Elapsed);
