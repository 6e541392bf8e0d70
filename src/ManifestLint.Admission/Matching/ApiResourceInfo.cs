namespace ManifestLint.Admission.Matching;

/// <summary>One API resource: group (empty for core), version, kind, plural resource name, namespaced or not.</summary>
public sealed record ApiResourceInfo(string Group, string Version, string Kind, string Resource, bool Namespaced);
