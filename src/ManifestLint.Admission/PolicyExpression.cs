using ManifestLint.Admission.Cel;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission;

/// <summary>One CEL expression of a policy with the YAML scalar it came from; <see cref="Program"/> is null when it did not compile.</summary>
internal sealed record PolicyExpression(YamlScalar Node, CelProgram? Program, string? Name = null);
