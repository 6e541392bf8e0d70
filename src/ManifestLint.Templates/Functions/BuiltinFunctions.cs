using System.Collections.Immutable;
using System.Text;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions;

/// <summary>
/// Go's <c>text/template</c> builtins (<c>and</c>, <c>or</c>, <c>not</c>, <c>len</c>, <c>index</c>, <c>print</c>,
/// <c>printf</c>, <c>println</c>, <c>html</c>, <c>js</c>, <c>urlquery</c>, <c>call</c>, <c>eq</c>, <c>ne</c>,
/// <c>lt</c>, <c>le</c>, <c>gt</c>, <c>ge</c>). Go's <c>slice</c> is left out: Helm's function map replaces it with
/// Sprig's. The comparison and reflection builtins are evaluated by the engine itself (they see Go's
/// reflect values, nil interfaces included); their entries here mark the names as defined.
/// </summary>
public static class BuiltinFunctions
{
    internal static readonly TemplateFunction And = Reflective("and", 1, true);
    internal static readonly TemplateFunction Or = Reflective("or", 1, true);
    internal static readonly TemplateFunction Not = Reflective("not", 1, false);
    internal static readonly TemplateFunction Len = Reflective("len", 1, false);
    internal static readonly TemplateFunction Index = Reflective("index", 1, true);
    internal static readonly TemplateFunction Call = Reflective("call", 1, true);
    internal static readonly TemplateFunction Eq = Reflective("eq", 1, true);
    internal static readonly TemplateFunction Ne = Reflective("ne", 2, false);
    internal static readonly TemplateFunction Lt = Reflective("lt", 2, false);
    internal static readonly TemplateFunction Le = Reflective("le", 2, false);
    internal static readonly TemplateFunction Gt = Reflective("gt", 2, false);
    internal static readonly TemplateFunction Ge = Reflective("ge", 2, false);

    /// <summary>A fresh map of the builtins, keyed by name.</summary>
    public static IReadOnlyDictionary<string, TemplateFunction> Create()
    {
        var map = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        foreach (var f in new[] { And, Or, Not, Len, Index, Call, Eq, Ne, Lt, Le, Gt, Ge })
            map[f.Name] = f;
        map["print"] = new TemplateFunction("print", [], GoType.Interface, GoType.String, false, c => GoFormat.Sprint(Plain(c.Arguments)));
        map["println"] = new TemplateFunction("println", [], GoType.Interface, GoType.String, false, c => GoFormat.Sprintln(Plain(c.Arguments)));
        map["printf"] = new TemplateFunction(
            "printf",
            [GoType.String],
            GoType.Interface,
            GoType.String,
            false,
            c => GoFormat.Sprintf(c[0]?.ToString() ?? string.Empty, Plain(c.Arguments.Skip(1).ToList())));
        map["html"] = new TemplateFunction("html", [], GoType.Interface, GoType.String, false, c => HtmlEscape(EvalArgs(c.Arguments)));
        map["js"] = new TemplateFunction("js", [], GoType.Interface, GoType.String, false, c => JsEscape(EvalArgs(c.Arguments)));
        map["urlquery"] = new TemplateFunction("urlquery", [], GoType.Interface, GoType.String, false, c => QueryEscape(EvalArgs(c.Arguments)));
        return map;
    }

    private static TemplateFunction Reflective(string name, int fixedCount, bool variadic)
    {
        var parameters = ImmutableArray.CreateRange(Enumerable.Repeat(GoType.Interface, fixedCount));
        return new TemplateFunction(name, parameters, variadic ? GoType.Interface : null, GoType.Interface, true, _ =>
            throw new InvalidOperationException("the builtin " + name + " is evaluated by the template engine"));
    }

    private static object?[] Plain(IReadOnlyList<object?> args)
    {
        var result = new object?[args.Count];
        for (var i = 0; i < args.Count; i++)
            result[i] = args[i] is TrackedString t ? t.Text : args[i];
        return result;
    }

    /// <summary>Go's evalArgs for html/js/urlquery: one string as is, anything else printed with Sprint (nil as &lt;no value&gt;).</summary>
    private static string EvalArgs(IReadOnlyList<object?> args)
    {
        if (args.Count == 1 && args[0] is string s)
            return s;
        if (args.Count == 1 && args[0] is TrackedString ts)
            return ts.Text;
        var plain = Plain(args);
        for (var i = 0; i < plain.Length; i++)
        {
            if (plain[i] is null)
                plain[i] = "<no value>";
        }

        return GoFormat.Sprint(plain);
    }

    internal static string HtmlEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\0':
                    sb.Append('\uFFFD');
                    break;
                case '"':
                    sb.Append("&#34;");
                    break;
                case '\'':
                    sb.Append("&#39;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    internal static string JsEscape(string s)
    {
        const string hex = "0123456789ABCDEF";
        var sb = new StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x80)
            {
                switch (c)
                {
                    case '\\':
                        sb.Append(@"\\");
                        break;
                    case '\'':
                        sb.Append(@"\'");
                        break;
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '<':
                        sb.Append(@"\u003C");
                        break;
                    case '>':
                        sb.Append(@"\u003E");
                        break;
                    case '&':
                        sb.Append(@"\u0026");
                        break;
                    case '=':
                        sb.Append(@"\u003D");
                        break;
                    default:
                        if (c < ' ')
                            sb.Append(@"\u00").Append(hex[c >> 4]).Append(hex[c & 0xF]);
                        else
                            sb.Append(c);
                        break;
                }

                continue;
            }

            int r = c;
            var width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                r = char.ConvertToUtf32(c, s[i + 1]);
                width = 2;
            }
            else if (char.IsSurrogate(c))
            {
                r = 0xFFFD;
            }

            if (GoFormat.IsPrint(r))
                sb.Append(s, i, width);
            else
                sb.Append(@"\u").Append(r.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            i += width - 1;
        }

        return sb.ToString();
    }

    internal static string QueryEscape(string s)
    {
        const string hex = "0123456789ABCDEF";
        var bytes = System.Text.Encoding.UTF8.GetBytes(s);
        var sb = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.' or '~')
                sb.Append(c);
            else if (c == ' ')
                sb.Append('+');
            else
                sb.Append('%').Append(hex[b >> 4]).Append(hex[b & 0xF]);
        }

        return sb.ToString();
    }
}
