using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Rbac;

public sealed class ClusterRoleWhereRoleSuffices : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "cluster-role-where-role-suffices",
        Summary: "Use a Role and RoleBinding when permissions are needed in one namespace",
        Category: Category.Rbac,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Cluster-wide objects are easy to over-use. Two shapes give more scope than the use needs:

            - a ClusterRole that is bound only by RoleBindings, all in one namespace: a Role in that namespace says
              the same and cannot later be bound cluster-wide by mistake;
            - a ClusterRoleBinding whose role grants only namespaced resources and whose subjects are all
              ServiceAccounts of one namespace: the workload most likely works in its own namespace, and a
              RoleBinding there would confine it instead of granting the same rights in every namespace.

            A ClusterRole reused by RoleBindings in several namespaces is the documented pattern and is not
            reported, nor are aggregated roles, roles that feed an aggregated role, or roles with non-resource URLs,
            cluster-scoped resources or `*` resources. The judgement uses only the bindings in the input (partial
            input can hide other uses; suppress with the reason). The finding is on the ClusterRole's or the
            ClusterRoleBinding's `kind`.
            """,
        Remediation: "Turn the ClusterRole into a Role, or the ClusterRoleBinding into a RoleBinding, in the namespace where it is used.",
        References: [RbacReferences.GoodPractices, RbacReferences.Rbac],
        SecuritySeverity: 3.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var rbac = context.Graph.Rbac;
        foreach (var role in rbac.InputRoles)
        {
            if (!role.IsClusterRole || role.HasAggregationRule || !rbac.AggregatesInto(role).IsEmpty || !NamespacedOnly(role.Rules))
                continue;
            var bindings = rbac.BindingsOf(role);
            if (bindings.IsEmpty || bindings.Any(b => b.IsBuiltIn || b.IsClusterRoleBinding))
                continue;
            var namespaces = bindings.Select(b => b.Namespace).Distinct(StringComparer.Ordinal).ToList();
            if (namespaces.Count != 1)
                continue;
            yield return context.Report(role.Resource!, KindNode(role.Resource!.Root, role.Resource.AnchorNode),
                $"{role.Describe()} is bound only by RoleBindings in namespace '{namespaces[0]}'; a Role there would grant the same",
                [.. bindings.Take(5).Select(RbacText.Binds)]);
        }

        foreach (var binding in rbac.InputBindings)
        {
            if (!binding.IsClusterRoleBinding || rbac.RoleOf(binding) is not { } role || binding.Subjects.IsEmpty)
                continue;
            var rules = rbac.EffectiveRules(role);
            if (!NamespacedOnly(rules) || binding.Subjects.Any(s => s.Subject is not { IsServiceAccount: true }))
                continue;
            var namespaces = binding.Subjects.Select(s => s.Subject!.Namespace).Distinct(StringComparer.Ordinal).ToList();
            if (namespaces.Count != 1)
                continue;
            yield return context.Report(binding.Resource!, KindNode(binding.Resource!.Root, RbacText.Anchor(binding)),
                $"{binding.Describe()} grants {role.Describe()}, which holds only namespaced resources, in every namespace to ServiceAccounts of namespace '{namespaces[0]}'; a RoleBinding there would confine it");
        }
    }

    private static bool NamespacedOnly(IReadOnlyCollection<PolicyRuleView> rules) =>
        rules.Count > 0 && rules.All(r => r.NonResourceUrls.IsEmpty && !r.Resources.IsEmpty
            && r.Resources.All(x => !x.Text.StartsWith('*') && !KnownResources.IsClusterScoped(x.Text)));

    private static YamlNode KindNode(YamlMapping root, YamlNode fallback) => (YamlNode?)root.GetScalar("kind") ?? fallback;
}
