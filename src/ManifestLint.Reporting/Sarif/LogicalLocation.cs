namespace ManifestLint.Reporting.Sarif;

/// <summary>The Kubernetes resource a finding is about: <c>namespace/Kind/name</c>, kind <c>resource</c>.</summary>
public sealed record LogicalLocation(string? Name, string FullyQualifiedName, string Kind);
