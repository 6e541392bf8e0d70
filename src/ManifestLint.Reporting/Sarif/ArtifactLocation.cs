namespace ManifestLint.Reporting.Sarif;

/// <summary>A file: a relative URI (forward slashes, percent-encoded) resolved against <see cref="UriBaseId"/>.</summary>
public sealed record ArtifactLocation(string Uri, string? UriBaseId = null);
