using System.Globalization;
using System.Numerics;
using System.Text;

namespace ManifestLint.Templates.Parsing;

/// <summary>Go's strconv rules for the literals templates contain: Unquote, UnquoteChar, ParseInt/ParseUint (base 0), ParseFloat.</summary>
internal static class GoLiterals
{
    /// <summary>strconv.Unquote for "..." and `...` literals; null on a syntax error.</summary>
    public static string? Unquote(string s)
    {
        if (s.Length < 2)
            return null;
        var quote = s[0];
        if (quote != s[^1])
            return null;
        var body = s[1..^1];
        if (quote == '`')
        {
            if (body.Contains('`', StringComparison.Ordinal))
                return null;
            return body.Contains('\r', StringComparison.Ordinal) ? body.Replace("\r", string.Empty, StringComparison.Ordinal) : body;
        }

        if (quote != '"' && quote != '\'')
            return null;
        if (body.Contains('\n', StringComparison.Ordinal))
            return null;
        if (!body.Contains('\\', StringComparison.Ordinal) && !body.Contains(quote, StringComparison.Ordinal))
        {
            if (quote == '"')
                return body;
        }

        var bytes = new List<byte>(body.Length);
        var i = 0;
        var runes = 0;
        while (i < body.Length)
        {
            if (!UnquoteChar(body, ref i, quote, bytes))
                return null;
            runes++;
            if (quote == '\'' && runes > 1)
                return null;
        }

        if (quote == '\'' && runes != 1)
            return null;
        return Functions.Sprig.SprigExtraGoBytes.ToGoString([.. bytes]);
    }

    /// <summary>Decodes one (possibly escaped) character at <paramref name="i"/>, appending its UTF-8 bytes.</summary>
    public static bool UnquoteChar(string s, ref int i, char quote, List<byte> output)
    {
        var c = s[i];
        if (c == quote && (quote == '\'' || quote == '"'))
            return false;
        if (c != '\\')
        {
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                AppendRune(output, char.ConvertToUtf32(c, s[i + 1]));
                i += 2;
                return true;
            }

            AppendRune(output, char.IsSurrogate(c) ? 0xFFFD : c);
            i++;
            return true;
        }

        if (i + 1 >= s.Length)
            return false;
        var e = s[i + 1];
        i += 2;
        switch (e)
        {
            case 'a':
                output.Add(7);
                return true;
            case 'b':
                output.Add(8);
                return true;
            case 'f':
                output.Add(12);
                return true;
            case 'n':
                output.Add(10);
                return true;
            case 'r':
                output.Add(13);
                return true;
            case 't':
                output.Add(9);
                return true;
            case 'v':
                output.Add(11);
                return true;
            case '\\':
                output.Add((byte)'\\');
                return true;
            case '\'':
            case '"':
                if (e != quote)
                    return false;
                output.Add((byte)e);
                return true;
            case 'x':
            case 'u':
            case 'U':
                {
                    var n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > s.Length)
                        return false;
                    var v = 0;
                    for (var k = 0; k < n; k++)
                    {
                        var d = HexVal(s[i + k]);
                        if (d < 0)
                            return false;
                        v = (v << 4) | d;
                    }

                    i += n;
                    if (e == 'x')
                    {
                        if (quote == '\'')
                            AppendRune(output, v);
                        else
                            output.Add((byte)v);
                        return true;
                    }

                    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                        return false;
                    AppendRune(output, v);
                    return true;
                }

            case >= '0' and <= '7':
                {
                    var v = e - '0';
                    if (i + 2 > s.Length)
                        return false;
                    for (var k = 0; k < 2; k++)
                    {
                        var d = s[i + k] - '0';
                        if (d < 0 || d > 7)
                            return false;
                        v = (v << 3) | d;
                    }

                    i += 2;
                    if (v > 255)
                        return false;
                    if (quote == '\'')
                        AppendRune(output, v);
                    else
                        output.Add((byte)v);
                    return true;
                }

            default:
                return false;
        }
    }

    private static void AppendRune(List<byte> output, int r)
    {
        Span<byte> buf = stackalloc byte[4];
        if (!Rune.TryCreate(r, out var rune))
            rune = Rune.ReplacementChar;
        var n = rune.EncodeToUtf8(buf);
        for (var k = 0; k < n; k++)
            output.Add(buf[k]);
    }

    private static int HexVal(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>strconv.UnquoteChar on a char constant's text ('x'): the rune, or an error text.</summary>
    public static bool TryCharConstant(string text, out int rune, out string? error)
    {
        rune = 0;
        error = null;
        var body = text[1..];
        var i = 0;
        var bytes = new List<byte>();
        if (body.Length == 0 || !UnquoteChar(body, ref i, '\'', bytes))
        {
            error = "invalid syntax";
            return false;
        }

        var tail = body[i..];
        if (tail != "'")
        {
            error = "malformed character constant: " + text;
            return false;
        }

        var str = System.Text.Encoding.UTF8.GetString([.. bytes]);
        rune = bytes.Count == 1 ? bytes[0] : char.ConvertToUtf32(str, 0);
        return true;
    }

    public static bool UnderscoreOk(string s)
    {
        var saw = '^';
        var i = 0;
        if (s.Length >= 1 && (s[0] == '-' || s[0] == '+'))
            s = s[1..];
        var hex = false;
        if (s.Length >= 2 && s[0] == '0' && (char.ToLowerInvariant(s[1]) is 'b' or 'o' or 'x'))
        {
            i = 2;
            saw = '0';
            hex = char.ToLowerInvariant(s[1]) == 'x';
        }

        for (; i < s.Length; i++)
        {
            var c = s[i];
            if ((c >= '0' && c <= '9') || (hex && char.ToLowerInvariant(c) >= 'a' && char.ToLowerInvariant(c) <= 'f'))
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

    /// <summary>strconv.ParseUint(s, 0, 64).</summary>
    public static bool TryParseUint(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0)
            return false;
        var s0 = s;
        var b = 10;
        if (s[0] == '0')
        {
            if (s.Length >= 3 && char.ToLowerInvariant(s[1]) == 'b')
            {
                b = 2;
                s = s[2..];
            }
            else if (s.Length >= 3 && char.ToLowerInvariant(s[1]) == 'o')
            {
                b = 8;
                s = s[2..];
            }
            else if (s.Length >= 3 && char.ToLowerInvariant(s[1]) == 'x')
            {
                b = 16;
                s = s[2..];
            }
            else
            {
                b = 8;
                s = s[1..];
            }
        }

        var underscores = false;
        BigInteger n = 0;
        foreach (var c in s)
        {
            if (c == '_')
            {
                underscores = true;
                continue;
            }

            var d = HexVal(c);
            if (d < 0 || d >= b)
                return false;
            n = (n * b) + d;
            if (n > ulong.MaxValue)
                return false;
        }

        if (underscores && !UnderscoreOk(s0))
            return false;
        value = (ulong)n;
        return true;
    }

    /// <summary>strconv.ParseInt(s, 0, 64).</summary>
    public static bool TryParseInt(string s, out long value)
    {
        value = 0;
        if (s.Length == 0)
            return false;
        var neg = false;
        var body = s;
        if (s[0] == '+' || s[0] == '-')
        {
            neg = s[0] == '-';
            body = s[1..];
        }

        if (!TryParseUint(body, out var u))
            return false;
        if (!neg)
        {
            if (u > long.MaxValue)
                return false;
            value = (long)u;
            return true;
        }

        if (u > (ulong)long.MaxValue + 1)
            return false;
        value = u == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)u;
        return true;
    }

    /// <summary>strconv.ParseFloat(s, 64) for Go's literal syntax (decimal and hexadecimal, underscores).</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0)
            return false;
        if (s.Contains('_', StringComparison.Ordinal))
        {
            if (!UnderscoreOk(s))
                return false;
            s = s.Replace("_", string.Empty, StringComparison.Ordinal);
        }

        var neg = false;
        var body = s;
        if (body[0] is '+' or '-')
        {
            neg = body[0] == '-';
            body = body[1..];
        }

        if (body.Length > 2 && body[0] == '0' && (body[1] is 'x' or 'X'))
        {
            if (!TryParseHexFloat(body[2..], out value))
                return false;
            if (neg)
                value = -value;
            return !double.IsInfinity(value);
        }

        // Decimal: digits [. digits] [e [+-] digits], at least one digit in the mantissa.
        var i = 0;
        var mantDigits = 0;
        while (i < body.Length && char.IsAsciiDigit(body[i]))
        {
            i++;
            mantDigits++;
        }

        if (i < body.Length && body[i] == '.')
        {
            i++;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                mantDigits++;
            }
        }

        if (mantDigits == 0)
            return false;
        if (i < body.Length && (body[i] is 'e' or 'E'))
        {
            i++;
            if (i < body.Length && (body[i] is '+' or '-'))
                i++;
            var expDigits = 0;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
                return false;
        }

        if (i != body.Length)
            return false;
        if (!double.TryParse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
            return false;
        if (double.IsInfinity(value))
            return false;
        if (neg)
            value = -value;
        return true;
    }

    private static bool TryParseHexFloat(string s, out double value)
    {
        value = 0;
        var i = 0;
        BigInteger mant = 0;
        var digits = 0;
        var exp = 0;
        var seenDot = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.')
            {
                if (seenDot)
                    return false;
                seenDot = true;
                continue;
            }

            var d = HexVal(c);
            if (d < 0)
                break;
            mant = (mant * 16) + d;
            digits++;
            if (seenDot)
                exp -= 4;
        }

        if (digits == 0)
            return false;
        if (i >= s.Length || (s[i] != 'p' && s[i] != 'P'))
            return false;
        i++;
        var eneg = false;
        if (i < s.Length && (s[i] is '+' or '-'))
        {
            eneg = s[i] == '-';
            i++;
        }

        var e = 0;
        var ed = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            e = Math.Min((e * 10) + (s[i] - '0'), 100000);
            ed++;
        }

        if (ed == 0 || i != s.Length)
            return false;
        exp += eneg ? -e : e;
        value = (double)mant * Math.Pow(2, exp);
        return true;
    }
}
