using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// A RoleBinding (grants its role's rules in its own namespace, even when the role is a ClusterRole) or a
/// ClusterRoleBinding (grants them in every namespace and for non-resource URLs). Built-in bindings
/// (Kubernetes' defaults, such as <c>system:basic-user</c>) have no <see cref="Resource"/>.
/// </summary>
public sealed class BindingView
{
    internal BindingView(Resource? resource, string kind, string? @namespace, string name, RoleRefView roleRef, ImmutableArray<SubjectView> subjects)
    {
        Resource = resource;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        RoleRef = roleRef;
        Subjects = subjects;
    }

    public Resource? Resource { get; }

    public bool IsBuiltIn => Resource is null;

    /// <summary><c>RoleBinding</c> or <c>ClusterRoleBinding</c>.</summary>
    public string Kind { get; }

    public bool IsClusterRoleBinding => Kind == "ClusterRoleBinding";

    /// <summary>Where the binding grants: its namespace for a RoleBinding, null (every namespace) for a ClusterRoleBinding.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    public RoleRefView RoleRef { get; }

    public ImmutableArray<SubjectView> Subjects { get; }

    /// <summary><c>RoleBinding 'ns/name'</c>, <c>ClusterRoleBinding 'name'</c>, <c>built-in ClusterRoleBinding 'name'</c>.</summary>
    public string Describe() =>
        IsBuiltIn ? $"built-in {Kind} '{Name}'" : Namespace is null ? $"{Kind} '{Name}'" : $"{Kind} '{Namespace}/{Name}'";

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Namespace}/{Kind}/{Name}";

    public static BindingView FromResource(Resource resource)
    {
        var ns = resource.Kind == "ClusterRoleBinding" ? null : resource.Namespace;
        var rr = resource.Root.GetMapping("roleRef");
        var roleRef = new RoleRefView(rr?.GetString("kind") ?? string.Empty, rr?.GetString("name") ?? string.Empty, rr);
        var subjects = resource.Root.GetSequence("subjects") is { } seq
            ? seq.Mappings().Select(m => SubjectView.Read(m, ns)).ToImmutableArray()
            : [];
        return new BindingView(resource, resource.Kind, ns, resource.Name, roleRef, subjects);
    }
}
