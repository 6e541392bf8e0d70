using System.Globalization;
using System.Numerics;
using System.Text;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Parsing;

/// <summary>
/// Go's strconv rules for quoted literals in templates: Unquote, UnquoteChar and character constants (numbers: <see cref="Values.GoStrconv"/>),
/// plus the <c>fmt.Sscan</c> reading of complex constants such as <c>1+2i</c>.
/// </summary>
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

    /// <summary>
    /// Reads a complex constant token (<c>1+2i</c>, <c>-1.5e3-0x1p-2i</c>) the way <c>fmt.Sscan</c> reads a complex128:
    /// a float token, a mandatory sign, a float token and a final <c>i</c>; each float goes through <c>strconv.ParseFloat</c>.
    /// On failure <paramref name="error"/> holds the text Go's scanner reports.
    /// </summary>
    public static bool TryParseComplex(string text, out Complex value, out string? error)
    {
        value = Complex.Zero;
        error = null;
        var i = 0;
        var realText = FloatToken(text, ref i);
        if (i >= text.Length || text[i] is not ('+' or '-'))
        {
            error = ComplexSyntax;
            return false;
        }

        var sign = text[i++];
        var imagText = sign + FloatToken(text, ref i);
        if (i >= text.Length || text[i] != 'i')
        {
            error = ComplexSyntax;
            return false;
        }

        if (!TryParseFloat(realText, out var re, out error) || !TryParseFloat(imagText, out var im, out error))
            return false;
        value = new Complex(re, im);
        return true;
    }

    private const string ComplexSyntax = "syntax error scanning complex number";

    /// <summary>fmt's floatToken: the text at <paramref name="i"/> that looks like a float (sign, digits, point, exponent); moves past it.</summary>
    private static string FloatToken(string s, ref int i)
    {
        var start = i;
        var end = FloatTokenEnd(s, i);
        i = end;
        return s[start..end];
    }

    private static int FloatTokenEnd(string s, int pos)
    {
        bool Accept(string set)
        {
            if (pos < s.Length && set.Contains(s[pos], StringComparison.Ordinal))
            {
                pos++;
                return true;
            }

            return false;
        }

        // NaN and Inf cannot start a number token of the lexer, but "i" can follow a sign ("1+i"); fmt consumes it here.
        if (Accept("nN") && Accept("aA") && Accept("nN"))
            return pos;
        Accept("+-");
        if (Accept("iI") && Accept("nN") && Accept("fF"))
            return pos;
        var digits = "0123456789_";
        var exponent = "eEpP";
        if (Accept("0") && Accept("xX"))
        {
            digits = "0123456789aAbBcCdDeEfF_";
            exponent = "pP";
        }

        while (Accept(digits))
        {
        }

        if (Accept("."))
        {
            while (Accept(digits))
            {
            }
        }

        if (Accept(exponent))
        {
            Accept("+-");
            while (Accept("0123456789_"))
            {
            }
        }

        return pos;
    }

    /// <summary><c>strconv.ParseFloat(s, 64)</c> with its error text (a decimal <c>p</c> exponent never reaches here: the lexer rejects it).</summary>
    private static bool TryParseFloat(string s, out double value, out string? error)
    {
        error = null;
        if (GoStrconv.TryParseFloat(s, out value))
            return true;
        error = "strconv.ParseFloat: parsing " + GoFormat.Quote(s) + ": " + (IsOutOfRange(s) ? "value out of range" : "invalid syntax");
        return false;
    }

    /// <summary>True when <paramref name="s"/> is well-formed but its magnitude overflows a float64.</summary>
    private static bool IsOutOfRange(string s)
    {
        var p = s.IndexOfAny(['p', 'P']);
        if (s.Contains('x', StringComparison.OrdinalIgnoreCase))
            return p > 0 && GoStrconv.TryParseFloat(s[..p] + "p0", out _);
        if (s.Contains('_', StringComparison.Ordinal) && !GoStrconv.UnderscoreOk(s))
            return false;
        var plain = s.Replace("_", string.Empty, StringComparison.Ordinal);
        return plain.Length > 0 && char.IsAsciiDigit(plain[^1])
            && double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            && double.IsInfinity(d);
    }
}
