namespace ManifestLint.Helm;

/// <summary>A <c>--values</c> file: its repository-relative path (the origin findings point at) and its text.</summary>
public sealed record ValuesFile(string Path, string Text);
