using System.Globalization;
using System.Text;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>
/// Helm's strvals syntax for <c>--set</c> and <c>--set-string</c>: <c>a.b=c,d[0]=e</c>, lists <c>x={a,b}</c>,
/// backslash escapes, and (for <c>--set</c>) typed scalars: true/false/null and base-10 integers as int64.
/// </summary>
public static class SetValuesParser
{
    /// <summary>Parses <paramref name="text"/> into <paramref name="target"/>.</summary>
    /// <exception cref="FormatException">Helm's parse error.</exception>
    public static void ParseInto(string text, GoMap target, bool stringsOnly) =>
        Parse(text, target, stringsOnly ? static v => v : null, json: false);

    /// <summary><c>--set-file</c>: each value is a path whose content (read by <paramref name="readFile"/>) becomes the value.</summary>
    public static void ParseFileInto(string text, GoMap target, Func<string, string> readFile)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        Parse(text, target, v => readFile(v), json: false);
    }

    /// <summary><c>--set-json</c>: <c>path=JSON</c>, the JSON being the rest of the argument.</summary>
    public static void ParseJsonInto(string text, GoMap target) => Parse(text, target, null, json: true);

    private static void Parse(string text, GoMap target, Func<string, object?>? reader, bool json)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        var p = new Parser(text, reader, json);
        while (true)
        {
            var more = p.Key(target);
            if (!more)
                return;
        }
    }

    private sealed class Parser(string text, Func<string, object?>? reader, bool json)
    {
        private const int MaxIndex = 65536;

        private int _pos;

        private bool AtEnd => _pos >= text.Length;

        // Returns false at the end of input; throws on errors.
        public bool Key(GoMap data)
        {
            var (k, last, eof) = RunesUntil("=[,.");
            if (eof)
            {
                if (k.Length == 0)
                    return false;
                throw new FormatException($"key \"{k}\" has no value");
            }

            switch (last)
            {
                case '[':
                    {
                        var i = KeyIndex();
                        var list = data.TryGetValue(k, out var existing) && existing is GoList l ? l : new GoList();
                        Set(data, k, ListItem(list, i));
                        return !AtEnd;
                    }

                case '=':
                    {
                        if (json)
                        {
                            Set(data, k, JsonRest());
                            return false;
                        }

                        if (TryValList(out var vl))
                        {
                            Set(data, k, vl);
                            return !AtEnd;
                        }

                        if (AtEnd)
                        {
                            Set(data, k, string.Empty);
                            return false;
                        }

                        var (rs, _, _) = RunesUntil(",");
                        Set(data, k, Typed(rs));
                        return !AtEnd;
                    }

                case ',':
                    Set(data, k, string.Empty);
                    throw new FormatException($"key \"{k}\" has no value (cannot end with ,)");
                default:
                    {
                        var inner = data.TryGetValue(k, out var existing) && existing is GoMap m ? m : new GoMap();
                        var more = Key(inner);
                        if (inner.Count == 0)
                            throw new FormatException($"key map \"{k}\" has no value");
                        Set(data, k, inner);
                        return more;
                    }
            }
        }

        private GoList ListItem(GoList list, int i)
        {
            if (i < 0)
                throw new FormatException($"negative {i} index not allowed");
            var (k, last, eof) = RunesUntil("[.=");
            if (k.Length > 0)
                throw new FormatException($"unexpected data at end of array index: \"{k}\"");
            if (eof)
                throw new FormatException("unexpected end of input");
            switch (last)
            {
                case '=':
                    if (json)
                        return SetIndex(list, i, JsonRest());
                    if (TryValList(out var vl))
                        return SetIndex(list, i, vl);
                    if (AtEnd)
                        return SetIndex(list, i, string.Empty);
                    var (rs, _, _) = RunesUntil(",");
                    return SetIndex(list, i, Typed(rs));
                case '[':
                    {
                        var next = KeyIndex();
                        var current = i < list.Count && list[i] is GoList nested ? nested : new GoList();
                        return SetIndex(list, i, ListItem(current, next));
                    }

                default:
                    {
                        var inner = i < list.Count && list[i] is GoMap m ? m : new GoMap();
                        Key(inner);
                        return SetIndex(list, i, inner);
                    }
            }
        }

        private static GoList SetIndex(GoList list, int index, object? value)
        {
            // Helm's strvals.MaxIndex: without it "a[999999999]=x" grows a list of a billion nulls.
            if (index > MaxIndex)
                throw new FormatException($"index of {index} is greater than maximum supported index {MaxIndex}");
            while (list.Count <= index)
                list.Add(null);
            list[index] = value;
            return list;
        }

        private int KeyIndex()
        {
            var (v, _, eof) = RunesUntil("]");
            if (eof)
                throw new FormatException("unexpected end of input while reading an index");
            if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
                throw new FormatException($"strconv.Atoi: parsing \"{v}\": invalid syntax");
            return i;
        }

        private bool TryValList(out GoList list)
        {
            list = new GoList();
            if (AtEnd || text[_pos] != '{')
                return false;
            _pos++;
            while (true)
            {
                var (rs, last, eof) = RunesUntil(",}");
                if (eof)
                    throw new FormatException("list must terminate with '}'");
                list.Add(Typed(rs));
                if (last == '}')
                {
                    if (!AtEnd && text[_pos] == ',')
                        _pos++;
                    return true;
                }
            }
        }

        private (string Text, char Last, bool Eof) RunesUntil(string stop)
        {
            var sb = new StringBuilder();
            while (_pos < text.Length)
            {
                var c = text[_pos++];
                if (c == '\\' && _pos < text.Length)
                {
                    sb.Append(text[_pos++]);
                    continue;
                }

                if (stop.Contains(c, StringComparison.Ordinal))
                    return (sb.ToString(), c, false);
                sb.Append(c);
            }

            return (sb.ToString(), '\0', true);
        }

        private object? JsonRest()
        {
            var rest = text[_pos..];
            _pos = text.Length;
            try
            {
                return Templates.Encoding.GoJson.Parse(rest);
            }
            catch (Templates.Encoding.GoJsonException ex)
            {
                throw new FormatException(ex.Message, ex);
            }
        }

        private object? Typed(string value)
        {
            if (reader is not null)
                return reader(value);
            if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
                return true;
            if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
                return false;
            if (value.Equals("null", StringComparison.OrdinalIgnoreCase))
                return null;
            if (value == "0")
                return new GoInt64(0);
            if (value.Length > 0 && value[0] != '0' && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                return new GoInt64(n);
            return value;
        }

        private static void Set(GoMap data, string key, object? value)
        {
            if (key.Length == 0)
                return;
            data.Set(key, value);
        }
    }
}
