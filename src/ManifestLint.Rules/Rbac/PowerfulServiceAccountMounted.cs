using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.ServiceAccounts;

namespace ManifestLint.Rules.Rbac;

public sealed class PowerfulServiceAccountMounted : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "powerful-service-account-mounted",
        Summary: "Workloads must not mount the token of a ServiceAccount with dangerous permissions",
        Category: Category.Rbac,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A Pod's ServiceAccount token is a file in every container. Whoever gets code execution in the Pod (a
            vulnerable dependency, an exposed debug endpoint) can read it and act with everything the ServiceAccount
            is granted. When that includes a dangerous permission (cluster-admin or `*` on everything, privilege
            escalation verbs, reading Secrets, exec into Pods, admission webhook control, creating Pods or
            workloads) one compromised container becomes a compromised namespace or cluster.

            The rule follows the graph: the workload's ServiceAccount (`serviceAccountName`, else `default`), every
            binding in the input that reaches it (directly, by its user name, or through the groups
            `system:serviceaccounts` and `system:serviceaccounts:<namespace>`), the bound role with aggregation
            resolved and Kubernetes' built-in roles known, and the role's rules with RBAC's matching. The token is
            mounted unless the Pod sets `automountServiceAccountToken: false`, or leaves it unset and the
            ServiceAccount sets it to `false` (the Pod's setting wins). The finding is on the workload's
            `serviceAccountName` (else its pod `spec:`), with the binding and the role rule as related locations.

            Partial input: only bindings in the input are followed (Kubernetes' default bindings grant nothing
            dangerous), and a ServiceAccount that is not in the input is taken to mount its token.
            """,
        Remediation: "Set `automountServiceAccountToken: false` on the Pod if it does not call the API; otherwise split the permissions so the Pod's ServiceAccount holds only what it needs.",
        References: [RbacReferences.GoodPractices, new("Kubernetes: Configure Service Accounts for Pods, opt out of API credential automounting", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting")],
        SecuritySeverity: 8.5);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        if (graph.Rbac.InputBindings.IsEmpty)
            yield break;
        // Pods share ServiceAccounts and roles: each policy rule is judged once.
        var dangerous = new Dictionary<PolicyRuleView, PermissionMatch?>(ReferenceEqualityComparer.Instance);
        foreach (var pod in graph.PodTemplates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (pod.Namespace is not { } ns || !TokenAutomount.Of(graph, pod).Mounted)
                continue;
            var account = RbacSubject.ServiceAccount(ns, pod.ServiceAccountName);
            foreach (var grant in graph.Rbac.GrantsFor(account, includeBuiltInBindings: false))
            {
                if (!dangerous.TryGetValue(grant.Rule, out var found))
                    dangerous[grant.Rule] = found = DangerousPermissions.Any(grant.Rule);
                if (found is not { } match)
                    continue;
                var scope = RbacText.Scope(grant.Binding);
                var through = grant.Rule.Role == grant.Role ? grant.Role.Describe() : $"{grant.Role.Describe()} (from {grant.Rule.Role.Describe()})";
                yield return context.Report(pod.Owner, (Core.Yaml.YamlNode?)pod.ServiceAccountNode ?? pod.SpecAnchor,
                    $"{pod.Describe()} mounts the token of ServiceAccount '{ns}/{pod.ServiceAccountName}', which has {match.What} {scope} through {through}",
                    RuleContext.Related(RbacText.Anchor(grant.Binding), $"{grant.Binding.Describe()} binds {grant.Role.Describe()} to {RbacText.Subjects(grant.Binding)}"),
                    RbacText.Allows(match, grant.Binding));
                break;
            }
        }
    }
}
