using System.Globalization;
using System.Numerics;
using System.Text;

namespace ManifestLint.Templates.Values;

/// <summary>
/// Go's <c>strconv.ParseInt</c>, <c>ParseUint</c> and <c>ParseFloat</c> (base prefixes, underscores, hex floats,
/// inf/nan), shared by the template parser's number literals and Sprig's conversions.
/// </summary>
internal static class GoStrconv
{
    public enum ParseStatus
    {
        Ok,
        Syntax,
        Range,
    }

    /// <summary>Go's <c>strconv.ParseInt(s, base, 64)</c>. On a range error <paramref name="value"/> is clamped, as Go does.</summary>
    public static ParseStatus TryParseInt(string s, int numberBase, out long value)
    {
        value = 0;
        if (s.Length == 0)
            return ParseStatus.Syntax;
        var neg = false;
        var body = s;
        if (body[0] is '+' or '-')
        {
            neg = body[0] == '-';
            body = body[1..];
        }

        var status = TryParseUint(body, numberBase, out var un);
        if (status == ParseStatus.Syntax)
            return status;
        const ulong cutoff = 1UL << 63;
        if (status == ParseStatus.Range)
        {
            value = neg ? long.MinValue : long.MaxValue;
            return ParseStatus.Range;
        }

        if (!neg && un >= cutoff)
        {
            value = long.MaxValue;
            return ParseStatus.Range;
        }

        if (neg && un > cutoff)
        {
            value = long.MinValue;
            return ParseStatus.Range;
        }

        value = neg ? (long)(0 - un) : (long)un;
        return ParseStatus.Ok;
    }

    public static ParseStatus TryParseUint(string s, int numberBase, out ulong value)
    {
        value = 0;
        if (s.Length == 0)
            return ParseStatus.Syntax;
        var base0 = numberBase == 0;
        var s0 = s;
        if (base0)
        {
            numberBase = 10;
            if (s[0] == '0')
            {
                var p = s.Length >= 3 ? char.ToLowerInvariant(s[1]) : '\0';
                (numberBase, s) = p switch
                {
                    'b' => (2, s[2..]),
                    'o' => (8, s[2..]),
                    'x' => (16, s[2..]),
                    _ => (8, s[1..]),
                };
            }
        }

        var underscores = false;
        var overflow = false;
        ulong n = 0;
        foreach (var c in s)
        {
            if (c == '_' && base0)
            {
                underscores = true;
                continue;
            }

            int d;
            if (c is >= '0' and <= '9')
                d = c - '0';
            else if (char.ToLowerInvariant(c) is >= 'a' and <= 'z')
                d = char.ToLowerInvariant(c) - 'a' + 10;
            else
                return ParseStatus.Syntax;
            if (d >= numberBase)
                return ParseStatus.Syntax;
            if (overflow)
                continue;
            var next = ((UInt128)n * (uint)numberBase) + (uint)d;
            if (next > ulong.MaxValue)
            {
                overflow = true;
                continue;
            }

            n = (ulong)next;
        }

        if (underscores && !UnderscoreOk(s0))
            return ParseStatus.Syntax;
        if (overflow)
        {
            value = ulong.MaxValue;
            return ParseStatus.Range;
        }

        value = n;
        return ParseStatus.Ok;
    }

    // Go's rule: underscores only between digits, or between a base prefix and a digit.
    public static bool UnderscoreOk(string s)
    {
        var saw = '^';
        var i = 0;
        if (s.Length >= 1 && s[0] is '-' or '+')
            s = s[1..];
        var hex = false;
        if (s.Length >= 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is 'b' or 'o' or 'x')
        {
            i = 2;
            saw = '0';
            hex = char.ToLowerInvariant(s[1]) == 'x';
        }

        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9' || (hex && char.ToLowerInvariant(c) is >= 'a' and <= 'f'))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                    return false;
                saw = '_';
                continue;
            }

            if (saw == '_')
                return false;
            saw = '!';
        }

        return saw != '_';
    }

    /// <summary>Go's <c>strconv.ParseFloat(s, 64)</c>; false for syntax and range errors.</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0)
            return false;
        if (TrySpecial(s, out value))
            return true;
        var i = 0;
        var neg = false;
        if (s[0] is '+' or '-')
        {
            neg = s[0] == '-';
            i = 1;
        }

        var isHex = s.Length - i >= 2 && s[i] == '0' && char.ToLowerInvariant(s[i + 1]) == 'x';
        if (isHex)
            return TryParseHexFloat(s, i + 2, neg, out value);
        var clean = new StringBuilder(s.Length);
        if (neg)
            clean.Append('-');
        var sawDigits = false;
        var sawDot = false;
        var underscores = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '_')
            {
                underscores = true;
                continue;
            }

            if (c == '.')
            {
                if (sawDot)
                    return false;
                sawDot = true;
                clean.Append(c);
                continue;
            }

            if (c is >= '0' and <= '9')
            {
                sawDigits = true;
                clean.Append(c);
                continue;
            }

            break;
        }

        if (!sawDigits)
            return false;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            clean.Append('e');
            i++;
            if (i < s.Length && s[i] is '+' or '-')
                clean.Append(s[i++]);
            var expDigits = false;
            for (; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '_')
                {
                    underscores = true;
                    continue;
                }

                if (c is < '0' or > '9')
                    break;
                expDigits = true;
                clean.Append(c);
            }

            if (!expDigits)
                return false;
        }

        if (i != s.Length)
            return false;
        if (underscores && !UnderscoreOk(s))
            return false;
        if (!double.TryParse(clean.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return false;
        return !double.IsInfinity(value);
    }

    private static bool TrySpecial(string s, out double value)
    {
        value = 0;
        var sign = 1;
        var rest = s;
        if (s[0] is '+' or '-')
        {
            sign = s[0] == '-' ? -1 : 1;
            rest = s[1..];
            if (rest.Equals("inf", StringComparison.OrdinalIgnoreCase) || rest.Equals("infinity", StringComparison.OrdinalIgnoreCase))
            {
                value = sign * double.PositiveInfinity;
                return true;
            }

            return false;
        }

        if (rest.Equals("inf", StringComparison.OrdinalIgnoreCase) || rest.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (rest.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return false;
    }

    private static bool TryParseHexFloat(string s, int start, bool neg, out double value)
    {
        value = 0;
        BigInteger mant = 0;
        var exp = 0;
        var sawDigits = false;
        var sawDot = false;
        var i = start;
        for (; i < s.Length; i++)
        {
            var c = char.ToLowerInvariant(s[i]);
            if (c == '_')
                continue;
            if (c == '.')
            {
                if (sawDot)
                    return false;
                sawDot = true;
                continue;
            }

            int d;
            if (c is >= '0' and <= '9')
                d = c - '0';
            else if (c is >= 'a' and <= 'f')
                d = c - 'a' + 10;
            else
                break;
            sawDigits = true;
            mant = (mant * 16) + d;
            if (sawDot)
                exp -= 4;
        }

        if (!sawDigits || i >= s.Length || char.ToLowerInvariant(s[i]) != 'p')
            return false;
        i++;
        var expSign = 1;
        if (i < s.Length && s[i] is '+' or '-')
        {
            expSign = s[i] == '-' ? -1 : 1;
            i++;
        }

        if (i >= s.Length)
            return false;
        var e = 0;
        for (; i < s.Length; i++)
        {
            if (s[i] == '_')
                continue;
            if (s[i] is < '0' or > '9')
                return false;
            e = Math.Min((e * 10) + (s[i] - '0'), 100000);
        }

        if (s.Contains('_', StringComparison.Ordinal) && !UnderscoreOk(s))
            return false;
        value = Math.ScaleB((double)mant, exp + (expSign * e));
        if (neg)
            value = -value;
        return !double.IsInfinity(value);
    }
}
