namespace ManifestLint.Reporting.Sarif;

/// <summary><see cref="Id"/> is <c>category/</c>: code scanning keeps one set of alerts per category.</summary>
public sealed record RunAutomationDetails(string Id);
