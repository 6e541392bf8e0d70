namespace ManifestLint.Discovery;

/// <summary>A plain manifest file to read.</summary>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="Path">Path relative to the repository root, with forward slashes (what reports show).</param>
public sealed record ManifestInput(string FullPath, string Path);
