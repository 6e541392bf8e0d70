using System.Globalization;
using System.Text;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Encoding;

/// <summary>
/// Go's <c>encoding/json</c> for template values: <see cref="Marshal"/> writes map keys sorted, escapes
/// <c>&lt; &gt; &amp;</c> (unless told not to) and U+2028/U+2029, and prints float64 as Go does (<c>1e+21</c>,
/// <c>0.000001</c>, <c>1e-7</c>); <see cref="Parse"/> reads JSON into Go values (every number a float64) and
/// fails with Go's messages (<c>invalid character 'b' looking for beginning of object key string</c>).
/// </summary>
public static class GoJson
{
    private const int MaxNesting = 10000;

    /// <summary><c>json.Marshal</c> (or <c>json.MarshalIndent(v, "", indent)</c> when <paramref name="indent"/> is set).</summary>
    /// <exception cref="GoJsonException">Go's encoder refuses the value (NaN, complex numbers, cycles).</exception>
    public static string Marshal(object? value, bool escapeHtml = true, string? indent = null)
    {
        var tree = JsonTree.FromValue(value, forYaml: false);
        var sb = new StringBuilder();
        Write(sb, tree, escapeHtml, indent, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode node, bool escapeHtml, string? indent, int level)
    {
        switch (node)
        {
            case JsonNull:
                sb.Append("null");
                break;
            case JsonBool b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case JsonNumber n:
                sb.Append(n.Text);
                break;
            case JsonString s:
                WriteString(sb, s.Value, escapeHtml);
                break;
            case JsonArray a:
                if (a.Items.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0)
                        sb.Append(',');
                    NewLine(sb, indent, level + 1);
                    Write(sb, a.Items[i].Value, escapeHtml, indent, level + 1);
                }

                NewLine(sb, indent, level);
                sb.Append(']');
                break;
            case JsonObject o:
                if (o.Members.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append('{');
                for (var i = 0; i < o.Members.Count; i++)
                {
                    if (i > 0)
                        sb.Append(',');
                    NewLine(sb, indent, level + 1);
                    WriteString(sb, o.Members[i].Key, escapeHtml);
                    sb.Append(indent is null ? ":" : ": ");
                    Write(sb, o.Members[i].Value, escapeHtml, indent, level + 1);
                }

                NewLine(sb, indent, level);
                sb.Append('}');
                break;
        }
    }

    private static void NewLine(StringBuilder sb, string? indent, int level)
    {
        if (indent is null)
            return;
        sb.Append('\n');
        for (var i = 0; i < level; i++)
            sb.Append(indent);
    }

    /// <summary>
    /// Go 1.19's string encoding: <c>\n \r \t</c> short, other control characters as <c>\u00XX</c>, and each byte
    /// that is not valid UTF-8 (a lone surrogate U+DC80..U+DCFF here) as <c>\ufffd</c>; a real U+FFFD stays as it is.
    /// </summary>
    private static void WriteString(StringBuilder sb, string s, bool escapeHtml)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    sb.Append(c).Append(s[++i]);
                    continue;
                }

                // An invalid byte is written as the escape; any other lone surrogate stands for U+FFFD text.
                if (c is >= '\uDC80' and <= '\uDCFF')
                    sb.Append("\\ufffd");
                else
                    sb.Append('\uFFFD');
                continue;
            }

            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '<' or '>' or '&' when escapeHtml:
                case < ' ':
                case '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary><c>json.Unmarshal</c> into an <c>interface {}</c>: nil, bool, float64, string, <c>[]interface {}</c>, <c>map[string]interface {}</c>.</summary>
    /// <exception cref="GoJsonException">The text is not JSON (Go's syntax error text) or a number is out of range.</exception>
    public static object? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        // Go checks the whole text before decoding, so a syntax error wins over any type error.
        reader.SkipSpace();
        var value = reader.ReadValue(0);
        reader.SkipSpace();
        if (!reader.AtEnd)
            throw reader.Invalid("after top-level value");
        return value;
    }

    /// <summary>The JSON kind name Go uses in type errors (<c>cannot unmarshal array into ...</c>).</summary>
    public static string KindName(object? value) => value switch
    {
        null => "null",
        GoList => "array",
        GoMap => "object",
        string => "string",
        bool => "bool",
        _ => "number",
    };

    private sealed class Reader(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public void SkipSpace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t' or '\n' or '\r')
                _pos++;
        }

        public GoJsonException Invalid(string context) =>
            new("invalid character " + QuoteChar(text[_pos]) + " " + context);

        private static GoJsonException UnexpectedEnd() => new("unexpected end of JSON input");

        private char Peek(string context)
        {
            if (_pos >= text.Length)
                throw UnexpectedEnd();
            _ = context;
            return text[_pos];
        }

        public object? ReadValue(int depth)
        {
            if (depth > MaxNesting)
                throw new GoJsonException("exceeded max depth");
            var c = Peek("looking for beginning of value");
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                case 't':
                    ReadLiteral("true");
                    return true;
                case 'f':
                    ReadLiteral("false");
                    return false;
                case 'n':
                    ReadLiteral("null");
                    return null;
                default:
                    if (c == '-' || char.IsAsciiDigit(c))
                        return ReadNumber();
                    throw Invalid("looking for beginning of value");
            }
        }

        private GoMap ReadObject(int depth)
        {
            _pos++;
            var map = new GoMap();
            SkipSpace();
            if (Peek(string.Empty) == '}')
            {
                _pos++;
                return map;
            }

            while (true)
            {
                SkipSpace();
                if (Peek(string.Empty) != '"')
                    throw Invalid("looking for beginning of object key string");
                var key = ReadString();
                SkipSpace();
                if (Peek(string.Empty) != ':')
                    throw Invalid("after object key");
                _pos++;
                SkipSpace();
                var value = ReadValue(depth + 1);
                map.Set(key, value);
                SkipSpace();
                var c = Peek(string.Empty);
                _pos++;
                if (c == '}')
                    return map;
                if (c != ',')
                {
                    _pos--;
                    throw Invalid("after object key:value pair");
                }
            }
        }

        private GoList ReadArray(int depth)
        {
            _pos++;
            var list = new GoList();
            SkipSpace();
            if (Peek(string.Empty) == ']')
            {
                _pos++;
                return list;
            }

            while (true)
            {
                SkipSpace();
                list.Add(ReadValue(depth + 1));
                SkipSpace();
                var c = Peek(string.Empty);
                _pos++;
                if (c == ']')
                    return list;
                if (c != ',')
                {
                    _pos--;
                    throw Invalid("after array element");
                }
            }
        }

        private void ReadLiteral(string word)
        {
            for (var i = 0; i < word.Length; i++)
            {
                var c = Peek(string.Empty);
                if (c != word[i])
                    throw Invalid("in literal " + word + " (expecting " + QuoteChar(word[i]) + ")");
                _pos++;
            }
        }

        private double ReadNumber()
        {
            var start = _pos;
            if (text[_pos] == '-')
            {
                _pos++;
                if (!char.IsAsciiDigit(Peek(string.Empty)))
                    throw Invalid("in numeric literal");
            }

            if (text[_pos] == '0')
            {
                _pos++;
            }
            else
            {
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                    _pos++;
            }

            if (_pos < text.Length && text[_pos] == '.')
            {
                _pos++;
                if (!char.IsAsciiDigit(Peek(string.Empty)))
                    throw Invalid("after decimal point in numeric literal");
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                    _pos++;
            }

            if (_pos < text.Length && text[_pos] is 'e' or 'E')
            {
                _pos++;
                if (Peek(string.Empty) is '+' or '-')
                    _pos++;
                if (!char.IsAsciiDigit(Peek(string.Empty)))
                    throw Invalid("in exponent of numeric literal");
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                    _pos++;
            }

            var literal = text[start.._pos];
            var d = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d))
                throw new GoJsonException("json: cannot unmarshal number " + literal + " into Go value of type float64");
            return d;
        }

        private string ReadString()
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                var c = Peek(string.Empty);
                if (c == '"')
                {
                    _pos++;
                    return JsonTree.ValidText(sb.ToString());
                }

                if (c < ' ')
                    throw Invalid("in string literal");
                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                _pos++;
                var e = Peek(string.Empty);
                switch (e)
                {
                    case '"' or '\\' or '/':
                        sb.Append(e);
                        break;
                    case 'b':
                        sb.Append('\b');
                        break;
                    case 'f':
                        sb.Append('\f');
                        break;
                    case 'n':
                        sb.Append('\n');
                        break;
                    case 'r':
                        sb.Append('\r');
                        break;
                    case 't':
                        sb.Append('\t');
                        break;
                    case 'u':
                        var code = 0;
                        for (var k = 0; k < 4; k++)
                        {
                            _pos++;
                            var h = Peek(string.Empty);
                            if (!char.IsAsciiHexDigit(h))
                                throw Invalid("in \\u hexadecimal character escape");
                            code = (code * 16) + Convert.ToInt32(h.ToString(), 16);
                        }

                        sb.Append((char)code);
                        break;
                    default:
                        throw Invalid("in string escape code");
                }

                _pos++;
            }
        }

        /// <summary>Go's <c>quoteChar</c>: the character in single quotes, escaped like a Go string.</summary>
        private static string QuoteChar(char c)
        {
            if (c == '\'')
                return "'\\''";
            if (c == '"')
                return "'\"'";
            var q = GoFormat.Quote(c.ToString());
            return "'" + q[1..^1] + "'";
        }
    }
}
