using System.Collections.Immutable;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Network;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Network;

public sealed class EgressDenyBlocksDns : Rule
{
    private const string DnsNamespace = "kube-system";
    private const string DnsLabel = "k8s-app";
    private static readonly ImmutableSortedDictionary<string, string> DnsPodLabels =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(DnsLabel, "kube-dns");

    private static readonly string[] DnsPortNames = ["dns", "dns-tcp"];

    public override RuleInfo Info { get; } = new(
        Id: "egress-deny-blocks-dns",
        Summary: "Pods with restricted egress must still be allowed to reach DNS on UDP and TCP port 53",
        Category: Category.Network,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Once a NetworkPolicy with policy type Egress selects a pod, the pod may send only what some egress rule of
            a policy selecting it allows. Forgetting DNS is the classic mistake of a default-deny rollout: every name
            lookup times out and the workload fails in ways that do not point at the policy. DNS needs UDP port 53 and
            TCP port 53 (large answers and zone data fall back to TCP), so both must be allowed.

            A rule counts as allowing DNS when its destination may be the cluster DNS pods and its ports include port
            53 for the protocol. Destinations: no `to` (everywhere); any ipBlock (node-local DNS caches and upstream
            resolvers are addresses this tool cannot check); a namespaceSelector that may select `kube-system`
            (`{}`, `kubernetes.io/metadata.name: kube-system`, or labels of a `kube-system` Namespace that is not in the
            input), optionally with a podSelector that may select `k8s-app: kube-dns`. Ports: no `ports` (all ports),
            a port without a number, 53 or a range containing it, or the named ports `dns`/`dns-tcp`.

            The finding is on the `egress` (or `policyTypes`) of the first policy that restricts the pod's egress, the
            policy a user edits to add the DNS rule, with the pod as a related location. Only pods in the input are
            judged.
            """,
        Remediation: "Add an egress rule to `kube-system` pods labelled `k8s-app: kube-dns` on UDP and TCP port 53 (or to the DNS addresses your cluster uses).",
        References: [NetworkReferences.NetworkPolicies, new("Kubernetes: DNS for Services and Pods", "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/")],
        SecuritySeverity: 2.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var index = NetworkPolicyIndex.Build(graph);
        foreach (var pod in graph.PodTemplates)
        {
            var egress = index.Selecting(pod).Where(p => p.AppliesToEgress).ToImmutableArray();
            if (egress.IsEmpty || pod.Spec.GetScalar("hostNetwork") is { IsTrue: true })
                continue;
            var udp = Allows(graph, egress, "UDP");
            var tcp = Allows(graph, egress, "TCP");
            if (udp && tcp)
                continue;
            var missing = (udp, tcp) switch
            {
                (false, false) => "UDP or TCP port 53",
                (false, true) => "UDP port 53 (only TCP)",
                _ => "TCP port 53 (only UDP)",
            };
            var first = egress[0];
            yield return context.Report(first.Resource, first.Anchor(PolicyDirection.Egress),
                $"NetworkPolicy '{first.Resource.Name}' restricts egress of {pod.Describe()}, and no policy selecting it allows DNS over {missing} to kube-dns",
                RuleContext.Related(pod.Owner.AnchorNode, $"{pod.Describe()} is selected here"));
        }
    }

    private static bool Allows(ResourceGraph graph, ImmutableArray<NetworkPolicyView> policies, string protocol)
    {
        foreach (var policy in policies)
        {
            foreach (var rule in policy.Egress)
            {
                if ((rule.AllPorts || rule.Ports.Any(p => p.Allows(protocol, 53, DnsPortNames))) && ReachesDns(graph, policy, rule))
                    return true;
            }
        }

        return false;
    }

    private static bool ReachesDns(ResourceGraph graph, NetworkPolicyView policy, NetworkPolicyRuleView rule)
    {
        if (rule.AllPeers)
            return true;
        foreach (var peer in rule.Peers)
        {
            if (peer.IpBlock is not null)
                return true;
            var inDnsNamespace = peer.NamespaceSelector is { } ns
                ? NetworkPolicyIndex.NamespaceMayMatch(graph, ns, DnsNamespace)
                : policy.Namespace == DnsNamespace;
            if (inDnsNamespace && (peer.PodSelector is null || peer.PodSelector.CouldMatch(DnsPodLabels, k => k == DnsLabel)))
                return true;
        }

        return false;
    }
}
