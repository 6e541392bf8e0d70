using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission;

/// <summary>A policy's <c>validations[]</c> entry.</summary>
internal sealed record PolicyValidation(PolicyExpression Expression, string? Message, PolicyExpression? MessageExpression, string? Reason, YamlMapping Node);
