using System.Collections.Immutable;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

/// <summary>
/// The shared check of the rules that judge what a role allows (secrets, pod creation, exec, escalation,
/// webhooks). A rule written in the input is reported at the list item that grants the permission; where it
/// takes effect comes from the bindings (its own, and those of aggregated roles that take its rules). A binding
/// in the input to a built-in role (or to an aggregated role that takes built-in rules) is reported at its
/// <c>roleRef</c>, since that is what a user can change. Rules that grant everything are left to
/// <c>cluster-admin-binding</c> and <c>wildcard-rbac-rule</c>.
/// </summary>
internal static class RolePermissionFindings
{
    private const int MaxRelated = 5;

    public static IEnumerable<Finding> Check(RuleContext context, Func<PolicyRuleView, PermissionMatch?> match, Func<bool, Severity> severity)
    {
        var rbac = context.Graph.Rbac;
        foreach (var role in rbac.InputRoles)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            // Where the role takes effect is the same for each of its rules: worked out at its first finding.
            (bool ClusterWide, string Where, RelatedLocation[] Related)? effect = null;
            foreach (var rule in role.Rules)
            {
                if (rule.GrantsEverything || match(rule) is not { } m || m.Node is not { } node)
                    continue;
                var (clusterWide, where, related) = effect ??= Effect(rbac, role);
                yield return context.Report(role.Resource!, node, $"{role.Describe()} grants {m.What} {where}", severity(clusterWide), related);
            }
        }

        // Many bindings share a role (every namespace binding `view` or `edit`): its first built-in match is found once.
        var firstBuiltIn = new Dictionary<RoleView, (PolicyRuleView Rule, PermissionMatch Match)?>(ReferenceEqualityComparer.Instance);
        foreach (var binding in rbac.InputBindings)
        {
            if (rbac.RoleOf(binding) is not { } role)
                continue;
            if (!firstBuiltIn.TryGetValue(role, out var found))
                firstBuiltIn[role] = found = FirstBuiltInMatch(rbac.EffectiveRules(role), match);
            if (found is not var (rule, m))
                continue;
            var through = rule.Role == role ? role.Describe() : $"{role.Describe()} (from {rule.Role.Describe()})";
            var (level, message) = RbacText.ForBinding(context.Graph, binding, severity(binding.IsClusterRoleBinding),
                $"{binding.Describe()} grants {m.What} {RbacText.Scope(binding)} to {RbacText.Subjects(binding)} through {through}");
            yield return context.Report(binding.Resource!, RbacText.Anchor(binding), message, level, RbacText.Allows(m, binding));
        }
    }

    private static (bool ClusterWide, string Where, RelatedLocation[] Related) Effect(RbacIndex rbac, RoleView role)
    {
        var bindings = rbac.EffectiveBindingsOf(role).Where(b => !b.IsBuiltIn).ToList();
        var clusterWide = role.IsClusterRole && bindings.Any(b => b.IsClusterRoleBinding);
        var where = clusterWide ? "in every namespace"
            : !role.IsClusterRole ? $"in namespace '{role.Namespace}'"
            : bindings.Count > 0 ? $"in namespace {string.Join(", ", bindings.Select(b => $"'{b.Namespace}'").Distinct(StringComparer.Ordinal))}"
            : "wherever it is bound";
        return (clusterWide, where, bindings.Take(MaxRelated).Select(RbacText.Binds).ToArray());
    }

    /// <summary>The first built-in rule (in order) that grants the permission without granting everything.</summary>
    private static (PolicyRuleView Rule, PermissionMatch Match)? FirstBuiltInMatch(ImmutableArray<PolicyRuleView> rules, Func<PolicyRuleView, PermissionMatch?> match)
    {
        foreach (var rule in rules)
        {
            if (rule.IsBuiltIn && !rule.GrantsEverything && match(rule) is { } m)
                return (rule, m);
        }

        return null;
    }
}
