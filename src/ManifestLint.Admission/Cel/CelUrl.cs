using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Admission.Cel;

/// <summary>A URL for Kubernetes' URL library (Go's <c>url.ParseRequestURI</c>: absolute URLs or absolute paths).</summary>
public sealed partial class CelUrl
{
    private CelUrl(string scheme, string host, string path, string query)
    {
        Scheme = scheme;
        Host = host;
        Path = path;
        Query = query;
    }

    public string Scheme { get; }

    public string Host { get; }

    public string Path { get; }

    public string Query { get; }

    public static bool TryParse(string s, out CelUrl? url)
    {
        url = null;
        if (s.Any(c => c < 0x20 || c == 0x7f))
            return false;
        var m = UrlPattern().Match(s);
        if (!m.Success)
            return false;
        var scheme = m.Groups[1].Value;
        var host = m.Groups[2].Value;
        var path = m.Groups[3].Value;
        if (scheme.Length == 0 && !path.StartsWith('/'))
            return false;
        if (scheme.Length > 0 && !m.Groups[2].Success && !path.StartsWith('/') && path.Length > 0)
            return true.Equals(url = new CelUrl(scheme, string.Empty, path, m.Groups[4].Value));
        url = new CelUrl(scheme, host, path, m.Groups[4].Value);
        return true;
    }

    public static CelUrl Parse(string s) => TryParse(s, out var u) ? u! : throw new CelEvalException($"URL parse error during conversion from string: parse \"{s}\": invalid URI for request");

    public object Call(string fn, object?[] a) => (fn, a.Length) switch
    {
        ("getScheme", 0) => Scheme,
        ("getHost", 0) => Host.Contains('@', StringComparison.Ordinal) ? Host[(Host.LastIndexOf('@') + 1)..] : Host,
        ("getHostname", 0) => Hostname(),
        ("getPort", 0) => Port(),
        ("getEscapedPath", 0) => Escape(Path),
        ("getQuery", 0) => QueryMap(),
        _ => throw CelSemantics.NoOverload(fn, this),
    };

    public override string ToString() => (Scheme.Length > 0 ? Scheme + "://" : string.Empty) + Host + Path + (Query.Length > 0 ? "?" + Query : string.Empty);

    private string HostPort() => Host.Contains('@', StringComparison.Ordinal) ? Host[(Host.LastIndexOf('@') + 1)..] : Host;

    private string Hostname()
    {
        var h = HostPort();
        if (h.StartsWith('['))
            return h[1..h.IndexOf(']', StringComparison.Ordinal)];
        var colon = h.LastIndexOf(':');
        return colon < 0 ? h : h[..colon];
    }

    private string Port()
    {
        var h = HostPort();
        var close = h.LastIndexOf(']');
        var colon = h.LastIndexOf(':');
        return colon > close ? h[(colon + 1)..] : string.Empty;
    }

    private CelObjectMap QueryMap()
    {
        var order = new List<string>();
        var values = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
        foreach (var pair in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var k = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var v = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            if (!values.TryGetValue(k, out var list))
            {
                values[k] = list = [];
                order.Add(k);
            }

            list.Add(v);
        }

        return new CelObjectMap([.. order.Select(k => new KeyValuePair<object, object?>(k, new CelArray([.. values[k]])))]);
    }

    private static string Escape(string path)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~/!$&'()*+,;=:@%".Contains(c, StringComparison.Ordinal))
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
