namespace ManifestLint.Core.Rbac;

/// <summary>
/// One chain that grants a permission: <see cref="Binding"/> binds <see cref="Role"/>, whose effective rules
/// include <see cref="Rule"/> (for aggregated roles, <c>Rule.Role</c> is the role it came from).
/// </summary>
public sealed record RbacGrant(BindingView Binding, RoleView Role, PolicyRuleView Rule)
{
    /// <summary>The namespace the grant applies in; null for every namespace (a ClusterRoleBinding).</summary>
    public string? Namespace => Binding.Namespace;

    public bool IsClusterWide => Binding.IsClusterRoleBinding;

    /// <summary>True when the grant covers <paramref name="namespace"/> (null asks about cluster-scoped resources and non-resource URLs).</summary>
    public bool AppliesIn(string? @namespace) => Binding.IsClusterRoleBinding || (@namespace is not null && Binding.Namespace == @namespace);
}
