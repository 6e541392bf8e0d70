using ManifestLint.Core.Network;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.References;

namespace ManifestLint.Rules.Network;

public sealed class NetworkPolicySelectsNothing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "network-policy-selects-nothing",
        Summary: "A NetworkPolicy's podSelector should match some pod",
        Category: Category.Network,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A NetworkPolicy whose podSelector matches no pod protects nothing: usually a label was renamed on the
            workload and not on the policy, so the workload it was written for runs unprotected while the policy looks
            like it is in place. Selection follows the API: `matchLabels` and `matchExpressions` (In, NotIn, Exists,
            DoesNotExist) against pod template labels in the policy's namespace; `podSelector: {}` selects every pod and
            is never reported.

            Partial input: the pods may be deployed from elsewhere, so the rule judges a policy only when its namespace
            is owned by the input (its Namespace object is there), the input holds at least one pod template in that
            namespace, or the input is complete (`--complete` or `complete: true` in the config file); never in a namespace
            holding a custom resource an operator may turn into pods (Prometheus, Kafka, a CloudNativePG Cluster, ...),
            whose pods no input shows. Labels controllers add at run time (`pod-template-hash`,
            `statefulset.kubernetes.io/pod-name`, ...) match the workloads that get them. The finding is on the
            `podSelector` key.
            """,
        Remediation: "Fix the podSelector so it matches the labels of the pods the policy is meant for, or delete the policy.",
        References: [NetworkReferences.NetworkPolicies],
        SecuritySeverity: 3.0,
        PeerChecks:
        [
            PeerCheck.Score("networkpolicy-targets-pod"),
            PeerCheck.Linter("dangling-networkpolicy"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var scope = new InputScope(context.Graph);
        var index = NetworkPolicyIndex.Build(context.Graph);
        foreach (var policy in index.Policies)
        {
            if (policy.PodSelector.IsEmpty || !index.Selected(policy).IsEmpty || !scope.SeesPodsOf(policy.Namespace) || scope.MayHoldOperatorPods(policy.Namespace))
                continue;
            yield return context.Report(policy.Resource, policy.PodSelectorAnchor,
                $"NetworkPolicy '{policy.Resource.Name}' selects no pod in namespace '{policy.Namespace}' (podSelector {policy.PodSelector})");
        }
    }
}
