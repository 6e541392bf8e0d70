namespace ManifestLint.Reporting.Sarif;

/// <summary>Points at an entry of <c>tool.driver.rules</c>.</summary>
public sealed record ReportingDescriptorReference(string Id, int? Index);
