using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas;

/// <summary>One served version of a CustomResourceDefinition: its compiled schema and the CEL rules it carries (not evaluated).</summary>
public sealed record CrdDefinition(string Group, string Version, string Kind, SchemaNode Schema, YamlMapping Source, ImmutableArray<CelRule> CelRules);
