namespace ManifestLint.Core.Yaml;

/// <summary>Where a node of a plain file lies (1-based, end exclusive), before it is asked for as a <see cref="Text.SourceSpan"/>.</summary>
internal readonly record struct NodePosition(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn);
