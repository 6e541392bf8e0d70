namespace ManifestLint.Core.Yaml;

/// <summary>
/// One key/value pair of a mapping. Keys are scalars (Kubernetes objects never use complex keys). A value type: a
/// mapping's entries are stored inline in its array, not as an object each (a large share of the tree's objects).
/// <c>default</c> has no key; lookups that may miss return <c>YamlEntry?</c>.
/// </summary>
public readonly record struct YamlEntry(YamlScalar Key, YamlNode Value);
