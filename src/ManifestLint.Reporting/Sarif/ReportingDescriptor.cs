namespace ManifestLint.Reporting.Sarif;

/// <summary>A rule's metadata, shown by code scanning in the alert's help panel.</summary>
public sealed record ReportingDescriptor(
    string Id,
    string? Name,
    MultiformatMessageString ShortDescription,
    MultiformatMessageString FullDescription,
    MultiformatMessageString Help,
    string? HelpUri,
    ReportingConfiguration? DefaultConfiguration,
    RuleProperties? Properties);
