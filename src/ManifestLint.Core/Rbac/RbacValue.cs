using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rbac;

/// <summary>One item of a policy rule list (a verb, an API group, a resource...), with its node when it came from the input.</summary>
/// <param name="Text">The item as Kubernetes reads it (the core API group is the empty string).</param>
/// <param name="Node">The scalar in the input; null for Kubernetes' built-in roles.</param>
public sealed record RbacValue(string Text, YamlScalar? Node)
{
    public override string ToString() => Text;
}
