using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rbac;

/// <summary>A binding's <c>roleRef</c>: <c>Role</c> (in the binding's namespace) or <c>ClusterRole</c>, by name.</summary>
/// <param name="Node">The <c>roleRef</c> mapping; null for built-in bindings.</param>
public sealed record RoleRefView(string Kind, string Name, YamlMapping? Node)
{
    /// <summary>The <c>name</c> scalar, else the mapping: where findings about the reference point.</summary>
    public YamlNode? Anchor => (YamlNode?)Node?.GetScalar("name") ?? Node;
}
