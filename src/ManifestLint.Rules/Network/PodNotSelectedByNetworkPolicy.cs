using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Network;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.References;

namespace ManifestLint.Rules.Network;

public sealed class PodNotSelectedByNetworkPolicy : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "pod-not-selected-by-network-policy",
        Summary: "Every pod should be selected by NetworkPolicies for Ingress and for Egress",
        Category: Category.Network,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A pod that no NetworkPolicy selects accepts traffic from, and sends traffic to, anything in the cluster and
            beyond: a compromised neighbour can reach it on every port. Selecting it with a policy (a namespace-wide
            default deny counts) makes its allowed traffic explicit. A pod is isolated only in the directions its policies
            apply to (`policyTypes`, which defaults to Ingress, plus Egress when the policy has egress rules): a pod whose
            only policy is for Ingress can still send anything anywhere, so each missing direction is its own finding.
            Selection is evaluated like the API server does,
            `matchLabels` and `matchExpressions` against the pod template's labels in the pod's own namespace.

            Partial input: a missing policy proves something only in a namespace the input owns (its Namespace object
            is in the input) or when the input is complete (`--complete` or `complete: true` in the config file); pods
            elsewhere are not judged. Pods with `hostNetwork: true` are skipped (NetworkPolicy does not apply to them),
            and so are namespaces with a Cilium or Calico policy, whose selectors this rule does not evaluate. The
            finding is on the pod template's labels (else its `spec`).
            """,
        Remediation: "Add a NetworkPolicy whose podSelector matches the pod's labels (or a default-deny policy for the namespace) with both Ingress and Egress in its policyTypes, and allow only the traffic it needs.",
        References: [NetworkReferences.NetworkPolicies],
        SecuritySeverity: 4.0,
        PeerChecks:
        [
            PeerCheck.Score("pod-networkpolicy"),
            PeerCheck.Fairwinds("missingNetworkPolicy"),
            PeerCheck.Linter("non-isolated-pod"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        var index = NetworkPolicyIndex.Build(graph);
        foreach (var pod in graph.PodTemplates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!scope.Owns(pod.Namespace) || NetworkReferences.IsSystemNamespace(pod.Namespace!))
                continue;
            if (pod.Spec.GetScalar("hostNetwork") is { IsTrue: true } || index.OtherEnginePolicies(pod.Namespace!).Any())
                continue;
            var selecting = index.Selecting(pod);
            var node = (YamlNode?)pod.Metadata?.GetKey("labels") ?? pod.SpecAnchor;
            foreach (var direction in Directions)
            {
                if (selecting.Any(p => p.AppliesTo(direction)))
                    continue;
                yield return selecting.IsEmpty
                    ? Unselected(context, index, pod, node, direction)
                    : context.Report(pod.Owner, node,
                        $"{pod.Describe()} is selected only by NetworkPolicies for {Other(direction)} ({Names(selecting)}), so its {direction} traffic is not restricted",
                        [.. selecting.Take(5).Select(p => RuleContext.Related((YamlNode?)p.PolicyTypesNode ?? p.PodSelectorAnchor, $"NetworkPolicy '{p.Resource.Name}' applies to {Other(direction)} only"))]);
            }
        }
    }

    private static readonly PolicyDirection[] Directions = [PolicyDirection.Ingress, PolicyDirection.Egress];

    private static Finding Unselected(RuleContext context, NetworkPolicyIndex index, PodTemplateView pod, YamlNode node, PolicyDirection direction)
    {
        var others = index.InNamespace(pod.Namespace!);
        var message = others.IsEmpty
            ? $"{pod.Describe()} is not selected by any NetworkPolicy for {direction}: namespace '{pod.Namespace}' has none"
            : $"{pod.Describe()} is not selected by any of the {others.Length} NetworkPolicies in namespace '{pod.Namespace}' for {direction}";
        return context.Report(pod.Owner, node, message,
            [.. others.Take(5).Select(p => RuleContext.Related(p.PodSelector.Node, $"podSelector of NetworkPolicy '{p.Resource.Name}' does not match"))]);
    }

    private static PolicyDirection Other(PolicyDirection direction) =>
        direction == PolicyDirection.Ingress ? PolicyDirection.Egress : PolicyDirection.Ingress;

    private static string Names(IEnumerable<NetworkPolicyView> policies) =>
        string.Join(", ", policies.Take(3).Select(p => $"'{p.Resource.Name}'"));

}
