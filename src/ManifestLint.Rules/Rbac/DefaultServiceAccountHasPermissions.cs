using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class DefaultServiceAccountHasPermissions : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "default-service-account-has-permissions",
        Summary: "The default ServiceAccount should not be granted permissions",
        Category: Category.Rbac,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Every Pod that does not set `serviceAccountName` runs as its namespace's `default` ServiceAccount. A role
            bound to `default` is therefore given to every such Pod, present and future, whether or not it needs the
            API. The same holds, more widely, for the groups `system:serviceaccounts:<namespace>` (every
            ServiceAccount of the namespace) and `system:serviceaccounts` (every ServiceAccount of the cluster).

            The rule reports each such subject of a binding in the input, on the subject's `name`, unless the bound
            role is known and grants nothing. A role that is not in the input and not built in still counts: the
            binding shows the intent (partial input: such a role is assumed to grant something). Give the workload that
            needs the permissions its own ServiceAccount instead.
            """,
        Remediation: "Create a dedicated ServiceAccount for the workload that needs the permissions, bind the role to it, and set `serviceAccountName`.",
        References: [RbacReferences.GoodPractices, new("Kubernetes: Configure Service Accounts for Pods", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"), RbacReferences.Cis],
        SecuritySeverity: 5.0,
        PeerChecks:
        [
            PeerCheck.Ckv("CKV_K8S_41"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var rbac = context.Graph.Rbac;
        foreach (var binding in rbac.InputBindings)
        {
            var role = rbac.RoleOf(binding);
            if (role is not null && rbac.EffectiveRules(role).IsEmpty)
                continue;
            string? what = null;
            foreach (var subject in binding.Subjects)
            {
                if (subject.Subject is not { } s || subject.Anchor is not { } anchor)
                    continue;
                var whom = s switch
                {
                    { IsServiceAccount: true, Name: "default" } => $"ServiceAccount '{s.Namespace}/default', which every Pod of namespace '{s.Namespace}' without a serviceAccountName runs as",
                    { Kind: RbacSubject.GroupKind, Name: "system:serviceaccounts" } => "Group 'system:serviceaccounts': every ServiceAccount of the cluster, each namespace's 'default' included",
                    { Kind: RbacSubject.GroupKind } when s.Name.StartsWith("system:serviceaccounts:", StringComparison.Ordinal) =>
                        $"Group '{s.Name}': every ServiceAccount of namespace '{s.Name["system:serviceaccounts:".Length..]}', 'default' included",
                    _ => null,
                };
                if (whom is null)
                    continue;
                what ??= role is null ? $"{binding.RoleRef.Kind} '{binding.RoleRef.Name}'" : role.Describe();
                yield return context.Report(binding.Resource!, anchor, $"{binding.Describe()} grants {what} {RbacText.Scope(binding)} to {whom}");
            }
        }
    }
}
