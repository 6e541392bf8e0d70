using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas;

/// <summary>An <c>x-kubernetes-validations</c> rule of a CRD schema. ManifestLint does not evaluate CEL; these are listed as not evaluated.</summary>
public sealed record CelRule(YamlScalar Rule, string? Message);
