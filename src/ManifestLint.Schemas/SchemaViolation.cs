using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas;

/// <summary>What is wrong with a field, by the rule that reports it.</summary>
public enum SchemaProblem
{
    UnknownField,
    InvalidType,
    MissingRequired,
    InvalidValue,
    DuplicateListKey,
}

/// <summary>One schema violation: the problem, the node to report at, and the message (which names the field path).</summary>
public readonly record struct SchemaViolation(SchemaProblem Problem, YamlNode Node, string Message);
