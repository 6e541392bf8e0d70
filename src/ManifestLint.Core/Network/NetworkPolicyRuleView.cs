using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Network;

/// <summary>
/// One ingress or egress rule of a NetworkPolicy. No peers (<c>from</c>/<c>to</c> absent or empty) means every
/// source or destination; no ports means every port.
/// </summary>
public sealed class NetworkPolicyRuleView
{
    public NetworkPolicyRuleView(YamlNode node, PolicyDirection direction)
    {
        Node = node;
        Direction = direction;
        var map = node as YamlMapping;
        var peersKey = direction == PolicyDirection.Ingress ? "from" : "to";
        PeersKey = map?.GetKey(peersKey);
        Peers = map?.GetSequence(peersKey) is { } peers ? [.. peers.Mappings().Select(p => new NetworkPeerView(p))] : [];
        Ports = map?.GetSequence("ports") is { } ports ? [.. ports.Mappings().Select(p => new NetworkPortView(p))] : [];
    }

    /// <summary>The rule item (usually a mapping; <c>- {}</c> allows everything).</summary>
    public YamlNode Node { get; }

    public PolicyDirection Direction { get; }

    /// <summary>The <c>from:</c> or <c>to:</c> key, when present.</summary>
    public YamlScalar? PeersKey { get; }

    public ImmutableArray<NetworkPeerView> Peers { get; }

    public ImmutableArray<NetworkPortView> Ports { get; }

    public bool AllPeers => Peers.IsEmpty;

    public bool AllPorts => Ports.IsEmpty;
}
