namespace ManifestLint.Reporting.Sarif;

public sealed record MultiformatMessageString(string Text, string? Markdown = null);
