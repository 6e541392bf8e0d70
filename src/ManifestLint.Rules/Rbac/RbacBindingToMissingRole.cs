using ManifestLint.Core.Policy;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class RbacBindingToMissingRole : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "rbac-binding-to-missing-role",
        Summary: "Bindings must refer to a Role or ClusterRole that exists",
        Category: Category.Rbac,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A binding whose `roleRef` names no role grants nothing today, and grants whatever a role created later
            under that name holds: a typo waits for someone to fill it. `roleRef` cannot be changed after creation,
            so a wrong one has to be deleted and recreated.

            Partial input: the role is looked up in the input and among the roles Kubernetes creates itself (the
            ClusterRoles `view`, `edit`, `admin`, `cluster-admin`, `system:*`, and the Roles of `kube-system` and
            `kube-public` such as `extension-apiserver-authentication-reader`). A missing Role is reported. A missing
            ClusterRole is often installed by another chart (rook-ceph-cluster binds the operator chart's roles), so
            without `--complete` it is reported only where the input shows a mistake: a Role of that name in the
            binding's namespace (the kind is wrong), or a ClusterRole whose name is one or two edits away (a typo).
            The rule also reports references that can never resolve: a ClusterRoleBinding that refers to a Role, or a
            kind other than Role and ClusterRole. The finding is on the `roleRef` name.
            """,
        Remediation: "Fix `roleRef.kind` and `roleRef.name` (recreating the binding), or add the role to the manifests.",
        References: [RbacReferences.Rbac],
        SecuritySeverity: 4.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var rbac = context.Graph.Rbac;
        foreach (var binding in rbac.InputBindings)
        {
            if (rbac.RoleOf(binding) is not null)
                continue;
            var reference = binding.RoleRef;
            string? evidence = null;
            if (reference.Kind == "ClusterRole" && (evidence = ClusterRoleEvidence(context, binding)) is null && !context.Graph.Options.Complete)
                continue;
            var message = reference.Kind switch
            {
                "Role" when binding.IsClusterRoleBinding =>
                    $"{binding.Describe()} refers to Role '{reference.Name}', but a ClusterRoleBinding can only refer to a ClusterRole",
                "Role" => $"{binding.Describe()} refers to Role '{reference.Name}', which is not in namespace '{binding.Namespace}' of the input",
                "ClusterRole" => $"{binding.Describe()} refers to ClusterRole '{reference.Name}', which is neither in the input nor built in{evidence}",
                _ => $"{binding.Describe()} has roleRef kind '{reference.Kind}'; it must be Role or ClusterRole",
            };
            yield return context.Report(binding.Resource!, RbacText.Anchor(binding), message);
        }
    }

    /// <summary>What in the input shows that a missing ClusterRole is a mistake (", but ..."), or null when another chart may install it.</summary>
    private static string? ClusterRoleEvidence(RuleContext context, BindingView binding)
    {
        var rbac = context.Graph.Rbac;
        var name = binding.RoleRef.Name;
        if (binding.Namespace is { } ns && rbac.FindRole(ns, name) is not null)
            return $", but the input has a Role '{name}' in namespace '{ns}' (roleRef.kind should be Role)";
        if (name.Length < 4)
            return null;
        var near = rbac.InputRoles.Concat(rbac.BuiltInRoles)
            .Where(r => r.IsClusterRole && Math.Abs(r.Name.Length - name.Length) <= 2)
            .Select(r => (r.Name, Distance: RuleIdSuggestions.Distance(name, r.Name)))
            .Where(x => x.Distance is > 0 and <= 2)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return near.Name is null ? null : $"; did you mean '{near.Name}'?";
    }
}
