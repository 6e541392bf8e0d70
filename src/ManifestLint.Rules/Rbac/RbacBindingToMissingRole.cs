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

            Partial input: the role is looked up in the input and among Kubernetes' built-in ClusterRoles (`view`,
            `edit`, `admin`, `cluster-admin`, `system:*`). The rule reports only a reference that is neither; a role
            created by another chart or by hand is not visible, so suppress the finding with that reason. It also
            reports references that can never resolve: a ClusterRoleBinding that refers to a Role, or a kind other
            than Role and ClusterRole. The finding is on the `roleRef` name.
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
            var message = reference.Kind switch
            {
                "Role" when binding.IsClusterRoleBinding =>
                    $"{binding.Describe()} refers to Role '{reference.Name}', but a ClusterRoleBinding can only refer to a ClusterRole",
                "Role" => $"{binding.Describe()} refers to Role '{reference.Name}', which is not in namespace '{binding.Namespace}' of the input",
                "ClusterRole" => $"{binding.Describe()} refers to ClusterRole '{reference.Name}', which is neither in the input nor built in",
                _ => $"{binding.Describe()} has roleRef kind '{reference.Kind}'; it must be Role or ClusterRole",
            };
            yield return context.Report(binding.Resource!, RbacText.Anchor(binding), message);
        }
    }
}
