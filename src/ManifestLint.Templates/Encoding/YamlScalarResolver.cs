using System.Globalization;
using System.Text.RegularExpressions;

namespace ManifestLint.Templates.Encoding;

/// <summary>What a YAML 1.1 scalar means to gopkg.in/yaml.v2 (its <c>resolve</c> step).</summary>
internal enum YamlScalarKind
{
    String,
    Null,
    Bool,
    Int,
    UInt,
    Float,
    Timestamp,
}

/// <summary>
/// Resolves plain scalars the way gopkg.in/yaml.v2 2.4.0 does: YAML 1.1 booleans (<c>y</c>, <c>on</c>, ...),
/// Go's base-prefixed integers (<c>0777</c> is octal), underscores ignored, <c>.inf</c>/<c>.nan</c>, timestamps.
/// </summary>
internal static partial class YamlScalarResolver
{
    public const string StrTag = "tag:yaml.org,2002:str";
    public const string BinaryTag = "tag:yaml.org,2002:binary";
    public const string BoolTag = "tag:yaml.org,2002:bool";
    public const string IntTag = "tag:yaml.org,2002:int";
    public const string FloatTag = "tag:yaml.org,2002:float";
    public const string NullTag = "tag:yaml.org,2002:null";
    public const string TimestampTag = "tag:yaml.org,2002:timestamp";
    public const string MergeTag = "tag:yaml.org,2002:merge";

    private static readonly Dictionary<string, (YamlScalarKind Kind, object? Value)> Words = BuildWords();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlStyleFloat();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Base60Float();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampShape();

    private static Dictionary<string, (YamlScalarKind, object?)> BuildWords()
    {
        var d = new Dictionary<string, (YamlScalarKind, object?)>(StringComparer.Ordinal);
        foreach (var w in new[] { "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" })
            d[w] = (YamlScalarKind.Bool, true);
        foreach (var w in new[] { "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" })
            d[w] = (YamlScalarKind.Bool, false);
        foreach (var w in new[] { "", "~", "null", "Null", "NULL" })
            d[w] = (YamlScalarKind.Null, null);
        foreach (var w in new[] { ".nan", ".NaN", ".NAN" })
            d[w] = (YamlScalarKind.Float, double.NaN);
        foreach (var w in new[] { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" })
            d[w] = (YamlScalarKind.Float, double.PositiveInfinity);
        foreach (var w in new[] { "-.inf", "-.Inf", "-.INF" })
            d[w] = (YamlScalarKind.Float, double.NegativeInfinity);
        return d;
    }

    /// <summary>Resolves an untagged plain scalar.</summary>
    public static (YamlScalarKind Kind, object? Value) ResolvePlain(string s)
    {
        // yaml.v2 only looks further when the first character hints at a non-string.
        var hint = s.Length == 0 ? 'N' : Hint(s[0]);
        if (hint == '\0')
            return (YamlScalarKind.String, s);
        if (Words.TryGetValue(s, out var word))
            return word;
        switch (hint)
        {
            case '.':
                if (TryParseDecimalFloat(s, out var f))
                    return (YamlScalarKind.Float, f);
                break;
            case 'D':
            case 'S':
                if (IsTimestamp(s))
                    return (YamlScalarKind.Timestamp, s);
                var plain = s.Replace("_", string.Empty, StringComparison.Ordinal);
                if (TryParseGoInt(plain, out var l))
                    return (YamlScalarKind.Int, l);
                if (TryParseGoUInt(plain, out var u))
                    return (YamlScalarKind.UInt, u);
                if (YamlStyleFloat().IsMatch(plain) && TryParseDecimalFloat(plain, out var g))
                    return (YamlScalarKind.Float, g);
                break;
        }

        return (YamlScalarKind.String, s);
    }

    /// <summary>True when yaml.v2 would write <paramref name="s"/> without quotes (it reads back as the same string).</summary>
    public static bool CanBePlain(string s) =>
        ResolvePlain(s).Kind == YamlScalarKind.String && !IsBase60Float(s);

    private static bool IsBase60Float(string s)
    {
        if (s.Length == 0)
            return false;
        var c = s[0];
        if (!(c is '+' or '-' || char.IsAsciiDigit(c)) || !s.Contains(':', StringComparison.Ordinal))
            return false;
        return Base60Float().IsMatch(s);
    }

    private static char Hint(char c) => c switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        _ => '\0',
    };

    private static bool IsTimestamp(string s)
    {
        if (!TimestampShape().IsMatch(s))
            return false;
        var parts = s.Split('-', 3);
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var dayText = new string([.. parts[2].TakeWhile(char.IsAsciiDigit)]);
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    /// <summary>Go's <c>strconv.ParseFloat</c> restricted to decimal text; out-of-range values fail as in Go.</summary>
    public static bool TryParseDecimalFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0 || s.Contains('_', StringComparison.Ordinal))
            return false;
        if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
            return false;
        return !double.IsInfinity(value);
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>.</summary>
    public static bool TryParseGoInt(string s, out long value)
    {
        value = 0;
        var neg = false;
        var body = s;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            neg = body[0] == '-';
            body = body[1..];
        }

        if (!TryParseGoUInt(body, out var u))
            return false;
        if (neg)
        {
            if (u > 9223372036854775808UL)
                return false;
            value = u == 9223372036854775808UL ? long.MinValue : -(long)u;
            return true;
        }

        if (u > long.MaxValue)
            return false;
        value = (long)u;
        return true;
    }

    /// <summary>Go's <c>strconv.ParseUint(s, 0, 64)</c> (no sign; 0x, 0o, 0b and leading-0 octal prefixes).</summary>
    public static bool TryParseGoUInt(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0)
            return false;
        var radix = 10;
        var digits = s;
        if (s.Length >= 2 && s[0] == '0')
        {
            switch (s[1])
            {
                case 'x' or 'X':
                    radix = 16;
                    digits = s[2..];
                    break;
                case 'o' or 'O':
                    radix = 8;
                    digits = s[2..];
                    break;
                case 'b' or 'B':
                    radix = 2;
                    digits = s[2..];
                    break;
                default:
                    radix = 8;
                    digits = s[1..];
                    break;
            }
        }

        if (digits.Length == 0)
            return false;
        ulong acc = 0;
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
                return false;
            if (acc > (ulong.MaxValue - (ulong)d) / (ulong)radix)
                return false;
            acc = (acc * (ulong)radix) + (ulong)d;
        }

        value = acc;
        return true;
    }
}
