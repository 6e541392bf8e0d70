namespace ManifestLint.Reporting.Sarif;

/// <summary>A rule's level in this run: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
public sealed record ReportingConfiguration(string Level);
