using System.Globalization;
using System.Text.RegularExpressions;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>
/// Converts the loader's position-aware YAML into the build tree, resolving plain scalars as kyaml (yaml.v3) does:
/// only <c>true</c>/<c>false</c> are booleans, integers follow Go's <c>ParseInt(s, 0, 64)</c> (so <c>010</c> is 8 and
/// <c>1_000</c> is 1000), dates become RFC 3339 timestamps.
/// </summary>
internal static partial class KYaml
{
    public static object? From(YamlNode? node) => node switch
    {
        null => null,
        YamlMapping m => FromMapping(m),
        YamlSequence s => FromSequence(s),
        YamlScalar s => Scalar(s),
        _ => null,
    };

    public static NodeOrigin OriginOf(YamlEntry entry)
    {
        var k = entry.Key.Span;
        var v = entry.Value.Span;
        var span = v.Path == k.Path && v.EndLine == k.StartLine && v.EndColumn > k.StartColumn
            ? new SourceSpan(k.Path, k.StartLine, k.StartColumn, v.EndLine, v.EndColumn)
            : k;
        // Rendered by Helm (helmCharts): the values line that gave the text is the related location.
        return entry.Value.Value is { } value
            ? new NodeOrigin(span, value.Span, value.Description ?? $"value `{value.ValuePath}` set here")
            : new NodeOrigin(span);
    }

    public static NodeOrigin OriginOf(YamlNode node) =>
        new(new SourceSpan(node.Span.Path, node.Span.StartLine, node.Span.StartColumn, node.Span.StartLine, node.Span.StartLine == node.Span.EndLine ? node.Span.EndColumn : node.Span.StartColumn));

    private static KMap FromMapping(YamlMapping m)
    {
        var map = new KMap();
        foreach (var e in m.Entries)
            map.Set(e.Key.Text, From(e.Value), OriginOf(e));
        return map;
    }

    private static KList FromSequence(YamlSequence s)
    {
        var list = new KList();
        foreach (var i in s.Items)
            list.Add(From(i), OriginOf(i));
        return list;
    }

    public static object? Scalar(YamlScalar s)
    {
        var tag = s.Tag;
        if (tag is "tag:yaml.org,2002:str" or "!!str" || (s.Quoted && tag is null))
            return s.Text;
        if (tag is "tag:yaml.org,2002:null" or "!!null")
            return null;
        return Resolve(s.Text);
    }

    /// <summary>yaml.v3's resolution of a plain scalar.</summary>
    public static object? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.'))
            return text;
        if (ParseGoInt(text) is { } i)
            return i;
        if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return d;
        if (text.StartsWith("0o", StringComparison.Ordinal) && TryBase(text[2..], 8, out var o))
            return o;
        if (Timestamp(text) is { } ts)
            return ts;
        return text;
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>, falling back to <c>ParseUint</c>: prefixes 0x, 0o, 0b and a leading 0 for octal; underscores only between digits after a prefix or digit.</summary>
    private static object? ParseGoInt(string s)
    {
        var neg = false;
        var body = s;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            neg = body[0] == '-';
            body = body[1..];
        }

        if (body.Length == 0)
            return null;
        var radix = 10;
        var digits = body;
        var prefixed = false;
        if (body.Length > 1 && body[0] == '0')
        {
            switch (char.ToLowerInvariant(body[1]))
            {
                case 'x': radix = 16; digits = body[2..]; prefixed = true; break;
                case 'o': radix = 8; digits = body[2..]; prefixed = true; break;
                case 'b': radix = 2; digits = body[2..]; prefixed = true; break;
                default: radix = 8; digits = body[1..]; prefixed = true; break;
            }
        }

        if (digits.Contains('_', StringComparison.Ordinal))
        {
            // Go: underscores only with base 0, each between digits (or after the prefix).
            for (var k = 0; k < digits.Length; k++)
            {
                if (digits[k] == '_' && (k == digits.Length - 1 || (k == 0 && !prefixed) || (k > 0 && digits[k - 1] == '_')))
                    return null;
            }

            digits = digits.Replace("_", string.Empty, StringComparison.Ordinal);
        }

        if (digits.Length == 0)
            return null;
        if (!TryBaseUlong(digits, radix, out var u))
            return null;
        if (!neg && u <= long.MaxValue)
            return (long)u;
        if (neg && u <= (ulong)long.MaxValue + 1)
            return u == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)u;
        return neg ? null : u;
    }

    private static bool TryBase(string digits, int radix, out long value)
    {
        value = 0;
        if (!TryBaseUlong(digits, radix, out var u) || u > long.MaxValue)
            return false;
        value = (long)u;
        return true;
    }

    private static bool TryBaseUlong(string digits, int radix, out ulong value)
    {
        value = 0;
        if (digits.Length == 0)
            return false;
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
                return false;
            try
            {
                value = checked((value * (ulong)radix) + (ulong)d);
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return true;
    }

    private static string? Timestamp(string text)
    {
        var m = TimestampPattern().Match(text);
        if (!m.Success)
            return null;
        string[] formats = ["yyyy-M-d'T'H:m:s.FFFFFFFFFK", "yyyy-M-d't'H:m:s.FFFFFFFFFK", "yyyy-M-d H:m:s.FFFFFFFFFK", "yyyy-M-d H:m:s.FFFFFFFFF", "yyyy-M-d"];
        if (!DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
            return null;
        var frac = dto.Ticks % TimeSpan.TicksPerSecond;
        var fraction = frac == 0 ? string.Empty : "." + (frac * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        var offset = dto.Offset == TimeSpan.Zero ? "Z" : dto.ToString("zzz", CultureInfo.InvariantCulture);
        return dto.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + offset;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex TimestampPattern();
}
