using ManifestLint.Core.Network;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Network;

public sealed class NetworkPolicyAllowsAll : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "network-policy-allows-all",
        Summary: "NetworkPolicy rules should not allow all sources or all destinations",
        Category: Category.Network,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            An allow rule open to everything undoes the isolation the policy exists for, and it often hides in a rule
            that looks restrictive because it lists ports. A rule is open to all sources (ingress) or all destinations
            (egress) when it has no `from`/`to` (or an empty one, including `- {}`), when a peer is the ipBlock
            `0.0.0.0/0` or `::/0`, or when a peer is `namespaceSelector: {}` without a podSelector (or with an empty
            one), which is every pod of every namespace. A rule limited to some ports is still reported: it names the
            ports so a deliberate public entry point can be suppressed with its reason.

            The finding is on the rule item, the `from`/`to` key, or the offending peer.
            """,
        Remediation: "Restrict the rule to the sources or destinations that need it with podSelector, namespaceSelector or a narrower ipBlock.",
        References: [NetworkReferences.NetworkPolicies],
        SecuritySeverity: 5.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var index = NetworkPolicyIndex.Build(context.Graph);
        foreach (var policy in index.Policies)
        {
            foreach (var direction in (PolicyDirection[])[PolicyDirection.Ingress, PolicyDirection.Egress])
            {
                if (!policy.AppliesTo(direction))
                    continue;
                var all = direction == PolicyDirection.Ingress ? "all sources" : "all destinations";
                foreach (var rule in policy.Rules(direction))
                {
                    var ports = rule.AllPorts ? "on every port" : $"on {Ports(rule)}";
                    var what = $"{direction} rule of NetworkPolicy '{policy.Resource.Name}'";
                    if (rule.AllPeers)
                    {
                        yield return context.Report(policy.Resource, (YamlNode?)rule.PeersKey ?? rule.Node,
                            $"{what} allows {all} {ports}: it has no {(direction == PolicyDirection.Ingress ? "`from`" : "`to`")} peers");
                        continue;
                    }

                    foreach (var peer in rule.Peers)
                    {
                        if (peer.IsAnyAddress)
                            yield return context.Report(policy.Resource, peer.Cidr!, $"{what} allows {all} {ports}: ipBlock {peer.Cidr!.Text}");
                        else if (peer.IsAnyPod)
                            yield return context.Report(policy.Resource, peer.NamespaceSelector!.Node, $"{what} allows every pod of every namespace {ports}: `namespaceSelector: {{}}`");
                    }
                }
            }
        }
    }

    private static string Ports(NetworkPolicyRuleView rule) =>
        string.Join(", ", rule.Ports.Select(p => p.Port is null ? $"all {p.Protocol} ports" : p.EndPort is { } end ? $"{p.Protocol} {p.Port.Text}-{end}" : $"{p.Protocol} {p.Port.Text}"));
}
