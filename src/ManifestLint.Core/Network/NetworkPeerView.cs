using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Network;

/// <summary>
/// One <c>from</c>/<c>to</c> item of a NetworkPolicy rule. A podSelector alone means pods of the policy's own
/// namespace; a namespaceSelector alone means every pod of the matching namespaces; both together, the matching
/// pods of the matching namespaces; an ipBlock, addresses.
/// </summary>
public sealed class NetworkPeerView
{
    public NetworkPeerView(YamlMapping node)
    {
        Node = node;
        PodSelector = LabelSelector.Read(node["podSelector"]);
        NamespaceSelector = LabelSelector.Read(node["namespaceSelector"]);
        if (node.GetMapping("ipBlock") is { } block)
        {
            IpBlock = block;
            Cidr = block.GetScalar("cidr");
        }
    }

    public YamlMapping Node { get; }

    public LabelSelector? PodSelector { get; }

    public LabelSelector? NamespaceSelector { get; }

    public YamlMapping? IpBlock { get; }

    public YamlScalar? Cidr { get; }

    /// <summary>True for an ipBlock of every IPv4 or IPv6 address.</summary>
    public bool IsAnyAddress => Cidr?.Text is "0.0.0.0/0" or "::/0";

    /// <summary>True for a peer that is every pod of every namespace: <c>namespaceSelector: {}</c> with no podSelector (or an empty one).</summary>
    public bool IsAnyPod => NamespaceSelector is { IsEmpty: true } && (PodSelector is null || PodSelector.IsEmpty);
}
