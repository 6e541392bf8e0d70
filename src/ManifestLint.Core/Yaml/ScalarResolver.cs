using System.Globalization;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// Resolves plain scalars the way Kubernetes reads manifests (sigs.k8s.io/yaml over go-yaml v2: YAML 1.1).
/// Quoted and block scalars are always strings.
/// </summary>
public static class ScalarResolver
{
    public static ScalarKind Resolve(string text, bool quoted, string? tag)
    {
        if (tag is not null)
        {
            switch (tag)
            {
                case "tag:yaml.org,2002:str" or "!!str": return ScalarKind.String;
                case "tag:yaml.org,2002:null" or "!!null": return ScalarKind.Null;
                case "tag:yaml.org,2002:bool" or "!!bool": return ParseBool(text) is null ? ScalarKind.String : ScalarKind.Bool;
                case "tag:yaml.org,2002:int" or "!!int": return ParseInt(text) is null ? ScalarKind.String : ScalarKind.Int;
                case "tag:yaml.org,2002:float" or "!!float": return ParseFloat(text) is null && ParseInt(text) is null ? ScalarKind.String : ScalarKind.Float;
            }
        }

        if (quoted)
            return ScalarKind.String;
        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
            return ScalarKind.Null;
        if (ParseBool(text) is not null)
            return ScalarKind.Bool;
        var c = text[0];
        if (!(char.IsAsciiDigit(c) || c is '-' or '+' or '.'))
            return ScalarKind.String;
        if (ParseInt(text) is not null)
            return ScalarKind.Int;
        if (ParseFloat(text) is not null)
            return ScalarKind.Float;
        return ScalarKind.String;
    }

    /// <summary>YAML 1.1 booleans as go-yaml v2 reads them.</summary>
    public static bool? ParseBool(string text) => text switch
    {
        "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => true,
        "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => false,
        _ => null,
    };

    /// <summary>YAML 1.1 integers: decimal, 0x hex, 0b binary, leading-0 octal, 0o octal, underscores allowed.</summary>
    public static long? ParseInt(string text)
    {
        if (text.Length == 0)
            return null;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0)
            return null;
        long value;
        try
        {
            if (s.StartsWith("0x", StringComparison.Ordinal))
            {
                if (!long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) || s.Length == 2)
                    return null;
            }
            else if (s.StartsWith("0b", StringComparison.Ordinal))
            {
                if (s.Length == 2 || s.AsSpan(2).ContainsAnyExcept("01"))
                    return null;
                value = Convert.ToInt64(s[2..], 2);
            }
            else if (s.StartsWith("0o", StringComparison.Ordinal))
            {
                if (s.Length == 2 || s.AsSpan(2).ContainsAnyExcept("01234567"))
                    return null;
                value = Convert.ToInt64(s[2..], 8);
            }
            else if (s.Length > 1 && s[0] == '0')
            {
                if (s.AsSpan(1).ContainsAnyExcept("01234567"))
                    return null;
                value = Convert.ToInt64(s[1..], 8);
            }
            else
            {
                if (s.AsSpan().ContainsAnyExcept("0123456789") || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value))
                    return null;
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        return negative ? -value : value;
    }

    /// <summary>YAML 1.1 floats, including <c>.inf</c> and <c>.nan</c>.</summary>
    public static double? ParseFloat(string text)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }

        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0 || s.AsSpan().ContainsAnyExcept("0123456789+-.eE"))
            return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
