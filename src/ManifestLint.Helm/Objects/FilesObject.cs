using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary><c>.Files</c>: the chart's non-template files with Get, GetBytes, Glob, Lines, AsConfig and AsSecrets.</summary>
internal sealed class FilesObject(ImmutableSortedDictionary<string, byte[]> files) : IGoMapObject, IGoJsonValue
{
    private GoMap? _entries;

    public static FilesObject From(IEnumerable<ChartFile> chartFiles) =>
        new(chartFiles.ToImmutableSortedDictionary(f => f.Name, f => f.Data, StringComparer.Ordinal));

    public string GoTypeName => "engine.files";

    /// <summary>engine.files is a <c>map[string][]byte</c>: an empty Glob is false in <c>if</c>/<c>and</c>, and <c>range</c> walks path and bytes.</summary>
    public GoMap Entries => _entries ??= new GoMap(files.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)), "map[string][]uint8");

    public bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = name switch
        {
            "Get" => new TemplateFunction(name, [GoType.String], null, GoType.String, false, c => files.TryGetValue(Arg(c), out var d) ? Encoding.UTF8.GetString(d) : string.Empty),
            "GetBytes" => new TemplateFunction(name, [GoType.String], null, GoType.Bytes, false, c => files.TryGetValue(Arg(c), out var d) ? d : Array.Empty<byte>()),
            "Glob" => new TemplateFunction(name, [GoType.String], null, GoType.Object(GoTypeName), false, c => Glob(Arg(c))),
            "Lines" => new TemplateFunction(name, [GoType.String], null, GoType.StringSlice, false, c => Lines(Arg(c))),
            "AsConfig" => new TemplateFunction(name, [], null, GoType.String, false, _ => AsYaml(d => Encoding.UTF8.GetString(d))),
            "AsSecrets" => new TemplateFunction(name, [], null, GoType.String, false, _ => AsYaml(Convert.ToBase64String)),
            _ => null,
        };
        return method is not null;
    }

    public string FormatGo()
    {
        var sb = new StringBuilder("map[");
        var first = true;
        foreach (var (k, v) in files)
        {
            if (!first)
                sb.Append(' ');
            first = false;
            sb.Append(k).Append(":[").Append(string.Join(' ', v)).Append(']');
        }

        return sb.Append(']').ToString();
    }

    /// <summary>As Go marshals a <c>map[string][]byte</c>: each file's bytes in base64.</summary>
    public object? ToJsonValue()
    {
        var map = new GoMap("engine.files");
        foreach (var (k, v) in files)
            map.Set(k, v);
        return map;
    }

    private static string Arg(FunctionCall call) => call[0]?.ToString() ?? string.Empty;

    private FilesObject Glob(string pattern)
    {
        var regex = GlobRegex(pattern);
        return new FilesObject(files.Where(kv => regex.IsMatch(kv.Key)).ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    private GoList Lines(string path)
    {
        if (!files.TryGetValue(path, out var data) || data.Length == 0)
            return new GoList(GoList.StringSliceType);
        var s = Encoding.UTF8.GetString(data);
        if (s.EndsWith('\n'))
            s = s[..^1];
        return new GoList(s.Split('\n').Cast<object?>(), GoList.StringSliceType);
    }

    private string AsYaml(Func<byte[], string> convert)
    {
        if (files.IsEmpty)
            return string.Empty;
        var map = new GoMap(GoMap.StringMapType);
        foreach (var (k, v) in files)
            map.Set(k[(k.LastIndexOf('/') + 1)..], convert(v));
        var text = GoYamlWriter.Marshal(map);
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    // gobwas/glob with '/' as separator: * and ? stay within a path segment, ** crosses them, {a,b} alternates.
    private static Regex GlobRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '{':
                    depth++;
                    sb.Append("(?:");
                    break;
                case '}' when depth > 0:
                    depth--;
                    sb.Append(')');
                    break;
                case ',' when depth > 0:
                    sb.Append('|');
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var body = pattern[(i + 1)..end];
                    if (body.StartsWith('!'))
                        body = "^" + body[1..];
                    sb.Append('[').Append(body.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
