using ManifestLint.Core.Graph;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Rbac;

/// <summary>How the RBAC rules word subjects and scopes, and where they point for a binding, so every rule says it the same way.</summary>
internal static class RbacText
{
    /// <summary><c>ServiceAccount 'app/web', Group 'ops'</c> (the first three, then a count).</summary>
    public static string Subjects(BindingView binding)
    {
        var named = binding.Subjects.Select(s => s.Subject?.ToString() ?? $"{s.Kind} '{s.Name}'").ToList();
        if (named.Count == 0)
            return "no subjects";
        return named.Count <= 3 ? string.Join(", ", named) : $"{string.Join(", ", named.Take(3))} and {named.Count - 3} more";
    }

    /// <summary>The binding's <c>roleRef.name</c>, else its <c>roleRef</c>, else its name: where binding findings point.</summary>
    public static YamlNode Anchor(BindingView binding) => binding.RoleRef.Anchor ?? binding.Resource!.AnchorNode;

    /// <summary>A related location naming a binding and whom it grants to.</summary>
    public static RelatedLocation Binds(BindingView binding) =>
        RuleContext.Related(Anchor(binding), $"{binding.Describe()} binds it to {Subjects(binding)}");

    /// <summary>A related location for the rule that allows something: the rule item in the input, or (for a built-in role) the binding's roleRef, saying it is built in.</summary>
    public static RelatedLocation Allows(PermissionMatch match, BindingView via)
    {
        if (match.Node is { } node)
            return RuleContext.Related(node, $"{match.Rule.Describe()} allows {match.What}");
        return RuleContext.Related(Anchor(via), $"{match.Rule.Describe()} allows {match.What} (built in to Kubernetes; no file)");
    }

    /// <summary>Where a binding grants: <c>in every namespace</c> or <c>in namespace 'app'</c>.</summary>
    public static string Scope(BindingView binding) =>
        binding.IsClusterRoleBinding ? "in every namespace" : $"in namespace '{binding.Namespace}'";

    /// <summary>
    /// True for a binding of Kubernetes' own: its name or its role's name has the <c>system:</c> prefix, and no
    /// subject is a ServiceAccount a user defined (one outside <c>kube-system</c>, or one the input declares).
    /// Such bindings are what every cluster has, so findings on them are notes that say where they come from.
    /// </summary>
    public static bool IsKubernetesOwn(ResourceGraph graph, BindingView binding) =>
        (binding.Name.StartsWith(SystemPrefix, StringComparison.Ordinal) || binding.RoleRef.Name.StartsWith(SystemPrefix, StringComparison.Ordinal))
        && !binding.Subjects.Any(s => s.Subject is { IsServiceAccount: true } sa
            && (sa.Namespace != "kube-system" || graph.Find("ServiceAccount", sa.Namespace, sa.Name) is not null));

    /// <summary>
    /// The severity and message of a finding on <paramref name="binding"/>: unchanged, or for a binding of
    /// Kubernetes' own (<see cref="IsKubernetesOwn"/>) a note that says so.
    /// </summary>
    public static (Severity Severity, string Message) ForBinding(ResourceGraph graph, BindingView binding, Severity severity, string message) =>
        IsKubernetesOwn(graph, binding)
            ? (Severity.Note, $"{message} (the system: prefix marks a binding of Kubernetes' own; lowered to a note)")
            : (severity, message);

    private const string SystemPrefix = "system:";
}
