namespace ManifestLint.Core.Yaml;

/// <summary>How a scalar resolves under Kubernetes' YAML rules (sigs.k8s.io/yaml: YAML 1.1 for plain scalars).</summary>
public enum ScalarKind : byte
{
    String,
    Null,
    Bool,
    Int,
    Float,
}
