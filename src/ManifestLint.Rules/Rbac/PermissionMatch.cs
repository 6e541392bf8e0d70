using ManifestLint.Core.Rbac;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Rbac;

/// <summary>A dangerous permission found in a policy rule: what it allows, in words, and the list item that grants it.</summary>
internal sealed record PermissionMatch(string What, RbacValue Item, PolicyRuleView Rule)
{
    /// <summary>The item's node, else the rule's mapping (null only for built-in rules).</summary>
    public YamlNode? Node => (YamlNode?)Item.Node ?? Rule.Node;
}
