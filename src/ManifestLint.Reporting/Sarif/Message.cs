namespace ManifestLint.Reporting.Sarif;

public sealed record Message(string Text);
