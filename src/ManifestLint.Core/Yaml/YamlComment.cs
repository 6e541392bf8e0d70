namespace ManifestLint.Core.Yaml;

/// <summary>A comment with its 1-based position; <see cref="Text"/> excludes the leading <c>#</c>.</summary>
public sealed record YamlComment(int Line, int Column, string Text);
