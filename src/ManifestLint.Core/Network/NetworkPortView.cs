using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Network;

/// <summary>One <c>ports</c> item of a NetworkPolicy rule: protocol (TCP when unset), port (number or name; all ports when unset) and <c>endPort</c>.</summary>
public sealed class NetworkPortView
{
    public NetworkPortView(YamlMapping node)
    {
        Node = node;
        Protocol = node.GetString("protocol") ?? "TCP";
        Port = node.GetScalar("port") is { IsNull: false } p ? p : null;
        EndPort = node.GetScalar("endPort")?.AsInt64();
    }

    public YamlMapping Node { get; }

    public string Protocol { get; }

    public YamlScalar? Port { get; }

    public long? EndPort { get; }

    /// <summary>
    /// True when this item allows <paramref name="protocol"/> traffic to port <paramref name="number"/>, given
    /// by number or by one of <paramref name="names"/> (a named port resolves on the destination pod).
    /// </summary>
    public bool Allows(string protocol, long number, IReadOnlyCollection<string> names)
    {
        if (!string.Equals(Protocol, protocol, StringComparison.Ordinal))
            return false;
        if (Port is null)
            return true;
        if (Port.AsInt64() is { } n)
            return EndPort is { } end ? n <= number && number <= end : n == number;
        return names.Contains(Port.Text);
    }
}
