using ManifestLint.Core.Model;

namespace ManifestLint.Schemas;

/// <summary>A schema violation on a resource; <see cref="Custom"/> when the resource is a custom resource checked against its CRD.</summary>
public readonly record struct SchemaFinding(Resource Subject, SchemaViolation Violation, bool Custom);
