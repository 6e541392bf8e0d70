namespace ManifestLint.Helm;

/// <summary>Where a chart is: a folder or <c>.tgz</c> on disk, and its repository-relative path (used in every reported location).</summary>
/// <param name="FullPath">The chart folder or archive on disk.</param>
/// <param name="RepositoryPath">The same path relative to the repository root, forward slashes (e.g. <c>charts/app</c>).</param>
public sealed record ChartSource(string FullPath, string RepositoryPath);
