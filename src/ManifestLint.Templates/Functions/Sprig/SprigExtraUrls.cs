using System.Text;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;
using TextEncoding = System.Text.Encoding;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary><c>urlParse</c> and <c>urlJoin</c>, following Go's <c>net/url</c> parsing, escaping and errors.</summary>
internal static class SprigExtraUrls
{
    private enum Mode
    {
        Path,
        Host,
        Zone,
        UserPassword,
        Fragment,
    }

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "urlParse", [GoType.String], GoType.InterfaceMap, false, c =>
        {
            GoUrl u;
            try
            {
                u = Parse(Str(c[0]));
            }
            catch (FormatException e)
            {
                throw new TemplateFunctionException("unable to parse url: " + e.Message, e);
            }

            var dict = new GoMap();
            dict["scheme"] = u.Scheme;
            dict["host"] = u.Host;
            dict["hostname"] = Hostname(u.Host);
            dict["path"] = u.Path;
            dict["query"] = u.RawQuery;
            dict["opaque"] = u.Opaque;
            dict["fragment"] = u.Fragment;
            dict["userinfo"] = u.User is null ? "" : UserString(u.User.Value);
            return dict;
        });
        Add(map, "urlJoin", [GoType.InterfaceMap], GoType.String, false, c =>
        {
            var d = c[0] as GoMap ?? new GoMap();
            var u = new GoUrl
            {
                Scheme = Get(d, "scheme"),
                Host = Get(d, "host"),
                Path = Get(d, "path"),
                RawQuery = Get(d, "query"),
                Opaque = Get(d, "opaque"),
                Fragment = Get(d, "fragment"),
            };
            var userinfo = Get(d, "userinfo");
            if (userinfo.Length > 0)
            {
                try
                {
                    u.User = Parse("proto://" + userinfo + "@host").User;
                }
                catch (FormatException e)
                {
                    throw new TemplateFunctionException("unable to parse userinfo in dict: " + e.Message, e);
                }
            }

            return Format(u);
        });
    }

    private static string Get(GoMap d, string key)
    {
        if (!d.TryGetValue(key, out var value))
            return "";
        if (value is string or Provenance.TrackedString)
            return Str(value);
        var kind = value switch
        {
            null => throw new TemplateFunctionException("runtime error: invalid memory address or nil pointer dereference"),
            long => "int",
            GoInt64 => "int64",
            int => "int32",
            double => "float64",
            bool => "bool",
            GoMap => "map",
            GoList => "slice",
            byte[] => "slice",
            _ => "struct",
        };
        throw new TemplateFunctionException($"unable to parse {key} key, must be of type string, but {kind} found");
    }

    /// <summary>The parts of a Go <c>url.URL</c> these functions use.</summary>
    private sealed class GoUrl
    {
        public string Scheme { get; set; } = "";

        public string Opaque { get; set; } = "";

        public (string User, string? Password)? User { get; set; }

        public string Host { get; set; } = "";

        public string Path { get; set; } = "";

        public string RawQuery { get; set; } = "";

        public bool ForceQuery { get; set; }

        public string Fragment { get; set; } = "";
    }

    /// <summary>Go's <c>url.Parse</c>; the message is that of the <c>*url.Error</c>.</summary>
    private static GoUrl Parse(string raw)
    {
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var u = hash < 0 ? raw : raw[..hash];
        GoUrl url;
        try
        {
            url = ParseWithoutFragment(u);
        }
        catch (FormatException e)
        {
            throw new FormatException("parse " + GoFormat.Quote(u) + ": " + e.Message, e);
        }

        if (hash >= 0)
        {
            try
            {
                url.Fragment = Unescape(raw[(hash + 1)..], Mode.Fragment);
            }
            catch (FormatException e)
            {
                throw new FormatException("parse " + GoFormat.Quote(raw) + ": " + e.Message, e);
            }
        }

        return url;
    }

    private static GoUrl ParseWithoutFragment(string raw)
    {
        if (raw.Any(c => c < 0x20 || c == 0x7f))
            throw new FormatException("net/url: invalid control character in URL");
        var url = new GoUrl();
        if (raw == "*")
        {
            url.Path = "*";
            return url;
        }

        var (scheme, rest) = GetScheme(raw);
        url.Scheme = scheme.ToLowerInvariant();
        if (rest.EndsWith('?') && rest.Count(c => c == '?') == 1)
        {
            url.ForceQuery = true;
            rest = rest[..^1];
        }
        else
        {
            var q = rest.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                url.RawQuery = rest[(q + 1)..];
                rest = rest[..q];
            }
        }

        if (!rest.StartsWith('/'))
        {
            if (url.Scheme.Length > 0)
            {
                url.Opaque = rest;
                return url;
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var segment = slash < 0 ? rest : rest[..slash];
            if (segment.Contains(':', StringComparison.Ordinal))
                throw new FormatException("first path segment in URL cannot contain colon");
        }

        if ((url.Scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            rest = "";
            var i = authority.IndexOf('/', StringComparison.Ordinal);
            if (i >= 0)
            {
                rest = authority[i..];
                authority = authority[..i];
            }

            ParseAuthority(url, authority);
        }

        url.Path = Unescape(rest, Mode.Path);
        return url;
    }

    private static (string Scheme, string Remainder) GetScheme(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
                continue;
            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                    return ("", raw);
                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                    throw new FormatException("missing protocol scheme");
                return (raw[..i], raw[(i + 1)..]);
            }

            return ("", raw);
        }

        return ("", raw);
    }

    private static void ParseAuthority(GoUrl url, string authority)
    {
        var i = authority.LastIndexOf('@');
        url.Host = ParseHost(i < 0 ? authority : authority[(i + 1)..]);
        if (i < 0)
            return;
        var userinfo = authority[..i];
        if (!userinfo.All(ValidUserinfoChar))
            throw new FormatException("net/url: invalid userinfo");
        var colon = userinfo.IndexOf(':', StringComparison.Ordinal);
        url.User = colon < 0
            ? (Unescape(userinfo, Mode.UserPassword), null)
            : (Unescape(userinfo[..colon], Mode.UserPassword), Unescape(userinfo[(colon + 1)..], Mode.UserPassword));
    }

    private static bool ValidUserinfoChar(char r) =>
        char.IsAsciiLetterOrDigit(r) || "-._:~!$&'()*+,;=%@".Contains(r, StringComparison.Ordinal);

    private static string ParseHost(string host)
    {
        if (host.StartsWith('['))
        {
            var i = host.LastIndexOf(']');
            if (i < 0)
                throw new FormatException("missing ']' in host");
            var colonPort = host[(i + 1)..];
            if (!ValidOptionalPort(colonPort))
                throw new FormatException("invalid port " + GoFormat.Quote(colonPort) + " after host");
            var zone = host[..i].IndexOf("%25", StringComparison.Ordinal);
            if (zone >= 0)
                return Unescape(host[..zone], Mode.Host) + Unescape(host[zone..i], Mode.Zone) + Unescape(host[i..], Mode.Host);
        }
        else
        {
            var i = host.LastIndexOf(':');
            if (i != -1)
            {
                var colonPort = host[i..];
                if (!ValidOptionalPort(colonPort))
                    throw new FormatException("invalid port " + GoFormat.Quote(colonPort) + " after host");
            }
        }

        return Unescape(host, Mode.Host);
    }

    private static bool ValidOptionalPort(string port) =>
        port.Length == 0 || (port[0] == ':' && port[1..].All(char.IsAsciiDigit));

    private static string Hostname(string hostPort)
    {
        var host = hostPort;
        var colon = host.LastIndexOf(':');
        if (colon != -1 && ValidOptionalPort(host[colon..]))
            host = host[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        return host;
    }

    private static string Unescape(string text, Mode mode)
    {
        var s = TextEncoding.UTF8.GetBytes(text);
        for (var i = 0; i < s.Length;)
        {
            if (s[i] == '%')
            {
                if (i + 2 >= s.Length || Unhex(s[i + 1]) < 0 || Unhex(s[i + 2]) < 0)
                {
                    var bad = TextEncoding.UTF8.GetString(s, i, Math.Min(3, s.Length - i));
                    throw new FormatException("invalid URL escape " + GoFormat.Quote(bad));
                }

                if (mode == Mode.Host && Unhex(s[i + 1]) < 8 && !(s[i + 1] == '2' && s[i + 2] == '5'))
                    throw new FormatException("invalid URL escape " + GoFormat.Quote(TextEncoding.UTF8.GetString(s, i, 3)));
                if (mode == Mode.Zone)
                {
                    var v = (Unhex(s[i + 1]) << 4) | Unhex(s[i + 2]);
                    if (!(s[i + 1] == '2' && s[i + 2] == '5') && v != ' ' && ShouldEscape((byte)v, Mode.Host))
                        throw new FormatException("invalid URL escape " + GoFormat.Quote(TextEncoding.UTF8.GetString(s, i, 3)));
                }

                i += 3;
            }
            else
            {
                if (mode is Mode.Host or Mode.Zone && s[i] < 0x80 && ShouldEscape(s[i], mode))
                    throw new FormatException("invalid character " + GoFormat.Quote(((char)s[i]).ToString()) + " in host name");
                i++;
            }
        }

        var output = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                output.Add((byte)((Unhex(s[i + 1]) << 4) | Unhex(s[i + 2])));
                i += 2;
            }
            else
            {
                output.Add(s[i]);
            }
        }

        return TextEncoding.UTF8.GetString([.. output]);
    }

    private static int Unhex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool ShouldEscape(byte c, Mode mode)
    {
        if (char.IsAsciiLetterOrDigit((char)c))
            return false;
        if (mode is Mode.Host or Mode.Zone && "!$&'()*+,;=:[]<>\"".Contains((char)c, StringComparison.Ordinal))
            return false;
        switch ((char)c)
        {
            case '-' or '_' or '.' or '~':
                return false;
            case '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '?' or '@':
                switch (mode)
                {
                    case Mode.Path:
                        return c == '?';
                    case Mode.UserPassword:
                        return c is (byte)'@' or (byte)'/' or (byte)'?' or (byte)':';
                    case Mode.Fragment:
                        return false;
                    default:
                        break;
                }

                break;
            default:
                break;
        }

        if (mode == Mode.Fragment && c is (byte)'!' or (byte)'(' or (byte)')' or (byte)'*')
            return false;
        return true;
    }

    private static string Escape(string text, Mode mode)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in TextEncoding.UTF8.GetBytes(text))
        {
            if (ShouldEscape(b, mode))
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            else
                sb.Append((char)b);
        }

        return sb.ToString();
    }

    private static string UserString((string User, string? Password) user)
    {
        var s = Escape(user.User, Mode.UserPassword);
        if (user.Password is not null)
            s += ":" + Escape(user.Password, Mode.UserPassword);
        return s;
    }

    /// <summary>Go's <c>URL.String</c>.</summary>
    private static string Format(GoUrl u)
    {
        var buf = new StringBuilder();
        if (u.Scheme.Length > 0)
            buf.Append(u.Scheme).Append(':');
        if (u.Opaque.Length > 0)
        {
            buf.Append(u.Opaque);
        }
        else
        {
            if (u.Scheme.Length > 0 || u.Host.Length > 0 || u.User is not null)
            {
                if (u.Host.Length > 0 || u.Path.Length > 0 || u.User is not null)
                    buf.Append("//");
                if (u.User is { } user)
                    buf.Append(UserString(user)).Append('@');
                if (u.Host.Length > 0)
                    buf.Append(Escape(u.Host, Mode.Host));
            }

            var path = Escape(u.Path, Mode.Path);
            if (path.Length > 0 && path[0] != '/' && u.Host.Length > 0)
                buf.Append('/');
            if (buf.Length == 0)
            {
                var slash = path.IndexOf('/', StringComparison.Ordinal);
                if ((slash < 0 ? path : path[..slash]).Contains(':', StringComparison.Ordinal))
                    buf.Append("./");
            }

            buf.Append(path);
        }

        if (u.ForceQuery || u.RawQuery.Length > 0)
            buf.Append('?').Append(u.RawQuery);
        if (u.Fragment.Length > 0)
            buf.Append('#').Append(Escape(u.Fragment, Mode.Fragment));
        return buf.ToString();
    }
}
