namespace ManifestLint.Core.Yaml;

/// <summary>One key/value pair of a mapping. Keys are scalars (Kubernetes objects never use complex keys).</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);
