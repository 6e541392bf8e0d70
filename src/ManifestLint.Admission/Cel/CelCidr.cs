using System.Globalization;
using System.Net;

namespace ManifestLint.Admission.Cel;

/// <summary>A CIDR for Kubernetes' IP library: <c>cidr('10.0.0.0/8').containsIP('10.1.2.3')</c>.</summary>
public sealed class CelCidr
{
    private CelCidr(CelIp ip, int prefix)
    {
        Ip = ip;
        Prefix = prefix;
    }

    public CelIp Ip { get; }

    public int Prefix { get; }

    public static bool TryParse(string s, out CelCidr? cidr)
    {
        cidr = null;
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !CelIp.TryParse(s[..slash], out var ip)
            || !int.TryParse(s.AsSpan(slash + 1), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || (s.Length - slash > 2 && s[slash + 1] == '0')
            || prefix > ip!.Address.GetAddressBytes().Length * 8)
            return false;
        cidr = new CelCidr(ip, prefix);
        return true;
    }

    public static CelCidr Parse(string s) => TryParse(s, out var c) ? c! : throw new CelEvalException($"network address parse error during conversion from string: netip.ParsePrefix(\"{s}\"): invalid prefix");

    public object Call(string fn, object?[] a) => (fn, a.Length) switch
    {
        ("containsIP", 1) => Contains(a[0] switch
        {
            CelIp ip => ip,
            string s => CelIp.Parse(s),
            _ => throw CelSemantics.NoOverload("containsIP", this, a[0]),
        }, Prefix),
        ("containsCIDR", 1) => a[0] switch
        {
            CelCidr c => c.Prefix >= Prefix && Contains(c.Ip, Prefix),
            string s => Parse(s) is var c && c.Prefix >= Prefix && Contains(c.Ip, Prefix),
            _ => throw CelSemantics.NoOverload("containsCIDR", this, a[0]),
        },
        ("ip", 0) => Ip,
        ("masked", 0) => new CelCidr(new CelIp(new IPAddress(Mask(Ip.Address.GetAddressBytes(), Prefix))), Prefix),
        ("prefixLength", 0) => (long)Prefix,
        _ => throw CelSemantics.NoOverload(fn, this),
    };

    public override bool Equals(object? obj) => obj is CelCidr o && o.Ip.Equals(Ip) && o.Prefix == Prefix;

    public override int GetHashCode() => HashCode.Combine(Ip, Prefix);

    public override string ToString() => $"{Ip}/{Prefix}";

    private bool Contains(CelIp ip, int prefix)
    {
        var a = Ip.Address.GetAddressBytes();
        var b = ip.Address.GetAddressBytes();
        return a.Length == b.Length && Mask(a, prefix).AsSpan().SequenceEqual(Mask(b, prefix));
    }

    private static byte[] Mask(byte[] bytes, int prefix)
    {
        var r = (byte[])bytes.Clone();
        for (var i = 0; i < r.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            r[i] &= (byte)(0xff << (8 - bits));
        }

        return r;
    }
}
