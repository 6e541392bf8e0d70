using System.Globalization;
using System.Text;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Encoding;

/// <summary>
/// BurntSushi/toml v1.2.0's encoder as Helm's <c>toToml</c> uses it: keys sorted with plain values before
/// tables, nested tables indented by two spaces, floats always with a decimal point (<c>8080.0</c>).
/// </summary>
public static class GoToml
{
    private const string Indent = "  ";

    /// <summary>Encodes a map as TOML.</summary>
    /// <exception cref="GoTomlException">The encoder refuses the value; the message is the encoder's.</exception>
    /// <exception cref="InvalidOperationException">The value is nil: Go panics
    /// (<c>reflect: call of reflect.Value.Type on zero Value</c>), which the template engine reports as an error.</exception>
    public static string Encode(object? value)
    {
        if (value is null)
            throw new InvalidOperationException("reflect: call of reflect.Value.Type on zero Value");
        var root = Unwrap(value);
        if (root is not GoMap map)
            throw new GoTomlException("toml: top-level values must be Go maps or structs");
        var writer = new Writer();
        writer.Map([], map, inline: false);
        return writer.ToString();
    }

    private static object? Unwrap(object? value) => value switch
    {
        TrackedString ts => ts.Text,
        IGoJsonValue j when j.ToJsonValue() is GoMap m => m,
        _ => value,
    };

    private static bool IsTable(object? value) => Unwrap(value) switch
    {
        GoMap => true,
        GoList list => IsTableArray(list),
        _ => false,
    };

    private static bool IsTableArray(GoList list)
    {
        if (list.Count == 0)
            return false;
        var all = true;
        foreach (var item in list)
        {
            var u = Unwrap(item);
            if (u is null)
                throw new GoTomlException("toml: cannot encode array with nil element");
            if (u is not GoMap)
                all = false;
        }

        return all;
    }

    private static string QuoteKeyPart(string k)
    {
        if (k.Length > 0 && k.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            return k;
        return "\"" + Escape(k) + "\"";
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case < ' ' or '\x7f':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private bool _hasWritten;

        public override string ToString() => _sb.ToString();

        private void Write(string s)
        {
            _sb.Append(s);
            _hasWritten = true;
        }

        private void NewLine()
        {
            if (_hasWritten)
                Write("\n");
        }

        private static string IndentFor(IReadOnlyList<string> key) =>
            string.Concat(Enumerable.Repeat(Indent, Math.Max(key.Count - 1, 0)));

        private static string KeyText(IReadOnlyList<string> key) => string.Join('.', key.Select(QuoteKeyPart));

        public void Map(List<string> key, GoMap map, bool inline)
        {
            var direct = new List<string>();
            var sub = new List<string>();
            foreach (var k in map.Keys)
                (IsTable(map[k]) ? sub : direct).Add(k);
            direct.Sort(Utf8Order.Instance);
            sub.Sort(Utf8Order.Instance);
            if (inline)
                Write("{");
            WriteKeys(key, map, direct, inline, trailingComma: sub.Count > 0);
            WriteKeys(key, map, sub, inline, trailingComma: false);
            if (inline)
                Write("}");
        }

        private void WriteKeys(List<string> key, GoMap map, List<string> keys, bool inline, bool trailingComma)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                var value = Unwrap(map[keys[i]]);
                if (value is null)
                    continue;
                if (inline)
                {
                    KeyValue([keys[i]], value, inline: true);
                    if (trailingComma || i != keys.Count - 1)
                        Write(", ");
                }
                else
                {
                    Encode([.. key, keys[i]], value);
                }
            }
        }

        private void Encode(List<string> key, object value)
        {
            switch (value)
            {
                case GoMap map:
                    if (key.Count == 1)
                        NewLine();
                    Write(IndentFor(key) + "[" + KeyText(key) + "]");
                    NewLine();
                    Map(key, map, inline: false);
                    break;
                case GoList list when IsTableArray(list):
                    foreach (var item in list)
                    {
                        if (Unwrap(item) is not GoMap table)
                            continue;
                        NewLine();
                        Write(IndentFor(key) + "[[" + KeyText(key) + "]]");
                        NewLine();
                        Map(key, table, inline: false);
                    }

                    break;
                default:
                    KeyValue(key, value, inline: false);
                    break;
            }
        }

        private void KeyValue(List<string> key, object value, bool inline)
        {
            Write(IndentFor(key) + QuoteKeyPart(key[^1]) + " = ");
            Element(value);
            if (!inline)
                NewLine();
        }

        private void Element(object? value)
        {
            switch (Unwrap(value))
            {
                case string s:
                    Write("\"" + Escape(s) + "\"");
                    break;
                case bool b:
                    Write(b ? "true" : "false");
                    break;
                case long or int or GoInt64 or byte or sbyte or short or ushort or uint or ulong:
                    Write(value is GoInt64 g ? g.Value.ToString(CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case GoNamedInt { GoTypeName: GoNamedInt.DurationType } duration:
                    // BurntSushi/toml writes a time.Duration as its text ("1h0m0s").
                    Write("\"" + Escape(duration.Text) + "\"");
                    break;
                case GoNamedInt named:
                    Write(named.Value.ToString(CultureInfo.InvariantCulture));
                    break;
                case Functions.Sprig.GoTime time:
                    // A TOML datetime, not the quoted text its JSON form would give.
                    Write(time.TomlText());
                    break;
                case double d:
                    Write(FloatText(d));
                    break;
                case float f:
                    Write(FloatText(f));
                    break;
                case GoList list:
                    Write("[");
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (i > 0)
                            Write(", ");
                        Element(list[i]);
                    }

                    Write("]");
                    break;
                case GoMap map:
                    Map([], map, inline: true);
                    break;
                case null:
                    throw new GoTomlException("toml: cannot encode array with nil element");
                case IGoJsonValue j:
                    Element(j.ToJsonValue());
                    break;
                default:
                    throw new GoTomlException("toml: unsupported type: " + GoFormat.TypeName(value));
            }
        }

        private static string FloatText(double d)
        {
            if (double.IsNaN(d))
                return "nan";
            if (double.IsInfinity(d))
                return d > 0 ? "inf" : "-inf";
            var text = GoFormat.FormatFloat(d, 'f', -1);
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }
    }
}
