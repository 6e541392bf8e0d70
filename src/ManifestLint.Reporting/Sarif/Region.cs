namespace ManifestLint.Reporting.Sarif;

/// <summary>1-based lines and columns; the end column is exclusive (the column after the last character).</summary>
public sealed record Region(int StartLine, int StartColumn, int EndLine, int EndColumn);
