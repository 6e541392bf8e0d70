using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ManifestLint.Admission.Cel;

/// <summary>An IP address for Kubernetes' IP library (Go's netip rules: no leading zeros, no zones, no IPv4-mapped IPv6).</summary>
public sealed partial class CelIp
{
    internal CelIp(IPAddress address) => Address = address;

    public IPAddress Address { get; }

    public static bool TryParse(string s, out CelIp? ip)
    {
        ip = null;
        if (s.Contains('%', StringComparison.Ordinal))
            return false;
        if (s.Contains(':', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(s, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6 || v6.IsIPv4MappedToIPv6)
                return false;
            ip = new CelIp(v6);
            return true;
        }

        if (!Ipv4Pattern().IsMatch(s) || !IPAddress.TryParse(s, out var v4))
            return false;
        ip = new CelIp(v4);
        return true;
    }

    public static CelIp Parse(string s) => TryParse(s, out var ip) ? ip! : throw new CelEvalException($"IP Address '{s}' parse error during conversion from string: ParseAddr(\"{s}\"): unable to parse IP");

    public object Call(string fn, object?[] a)
    {
        var b = Address.GetAddressBytes();
        var v4 = Address.AddressFamily == AddressFamily.InterNetwork;
        return (fn, a.Length) switch
        {
            ("family", 0) => v4 ? 4L : 6L,
            ("isUnspecified", 0) => b.All(x => x == 0),
            ("isLoopback", 0) => v4 ? b[0] == 127 : Address.Equals(IPAddress.IPv6Loopback),
            ("isLinkLocalMulticast", 0) => v4 ? b[0] == 224 && b[1] == 0 && b[2] == 0 : b[0] == 0xff && (b[1] & 0x0f) == 0x02,
            ("isLinkLocalUnicast", 0) => v4 ? b[0] == 169 && b[1] == 254 : b[0] == 0xfe && (b[1] & 0xc0) == 0x80,
            ("isGlobalUnicast", 0) => !(b.All(x => x == 0) || (v4 ? b[0] == 127 || b[0] >= 224 || (b[0] == 169 && b[1] == 254) : Address.Equals(IPAddress.IPv6Loopback) || b[0] == 0xff || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80))),
            _ => throw CelSemantics.NoOverload(fn, this),
        };
    }

    public override bool Equals(object? obj) => obj is CelIp o && o.Address.Equals(Address);

    public override int GetHashCode() => Address.GetHashCode();

    public override string ToString() => Address.ToString();

    [GeneratedRegex(@"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();
}
