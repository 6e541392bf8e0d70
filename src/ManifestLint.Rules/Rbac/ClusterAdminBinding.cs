using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class ClusterAdminBinding : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "cluster-admin-binding",
        Summary: "Subjects should not be bound to cluster-admin or an equivalent role",
        Category: Category.Rbac,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            `cluster-admin` allows every verb on every resource: Secrets in every namespace, RBAC itself, nodes,
            admission webhooks. A workload's ServiceAccount bound to it turns any compromise of that workload into a
            compromise of the cluster. The same holds for any role whose rules include `apiGroups: ["*"]`,
            `resources: ["*"]`, `verbs: ["*"]` (aggregated rules included), and for one that spells the verbs out
            (`get, list, watch, create, update, patch, delete, deletecollection`): whoever may create and update
            anything may also create the RoleBinding that grants the rest, so it is cluster-admin in all but name.

            Bindings whose name or role has the `system:` prefix are Kubernetes' own (the API server creates them);
            unless one of their subjects is a ServiceAccount a user defined, their findings are notes that say so.

            Bound through a ClusterRoleBinding this is an error. Bound through a RoleBinding it is full control of
            that namespace (its Secrets, its Roles, its workloads), reported as a warning. The finding is on the
            binding's `roleRef`, which is what to change; the built-in `cluster-admin` role itself comes from
            Kubernetes and is never reported. Partial input: a binding is judged by the role it resolves to (in the
            input or built in); a binding to a role that is in neither is `rbac-binding-to-missing-role`'s concern.
            """,
        Remediation: "Bind a role that lists only the permissions the subject needs; keep cluster-admin for break-glass human access.",
        References: [RbacReferences.DefaultRoles, RbacReferences.GoodPractices, RbacReferences.Cis],
        SecuritySeverity: 9.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("clusterrolebindingClusterAdmin"),
            PeerCheck.Fairwinds("rolebindingClusterAdminClusterRole"),
            PeerCheck.Linter("cluster-admin-role-binding"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var rbac = context.Graph.Rbac;
        foreach (var binding in rbac.InputBindings)
        {
            if (rbac.RoleOf(binding) is not { } role)
                continue;
            var everything = rbac.EffectiveRules(role).FirstOrDefault(r => r.GrantsEverything);
            if (everything is null)
                continue;
            var match = DangerousPermissions.Everything(everything)!;
            var what = role.IsClusterRole && role.Name == "cluster-admin" ? "cluster-admin"
                : everything.ListsEveryStandardVerb ? $"{role.Describe()}, which lists every standard verb on every resource (cluster-admin in all but name)"
                : $"{role.Describe()}, which grants every verb on every resource";
            var (severity, message) = RbacText.ForBinding(context.Graph, binding, binding.IsClusterRoleBinding ? Severity.Error : Severity.Warning,
                $"{binding.Describe()} gives {what} {RbacText.Scope(binding)} to {RbacText.Subjects(binding)}");
            yield return context.Report(binding.Resource!, RbacText.Anchor(binding), message, severity, RbacText.Allows(match, binding));
        }
    }
}
