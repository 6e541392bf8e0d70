using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>Helm's releaseutil: splits rendered files into documents, separates hooks, sorts by kind.</summary>
internal static partial class ManifestSorter
{
    private const string HookAnnotation = "helm.sh/hook";

    private static readonly HashSet<string> HookEvents = new(StringComparer.Ordinal)
    {
        "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
        "pre-rollback", "post-rollback", "test", "test-success",
    };

    [GeneratedRegex("(?:^|[\\t\\n\\f\\r ]*\\n)---[\\t\\n\\f\\r ]*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    // Helm 4.2 and later: a separator is "---" at the start of any line; what precedes it stays with the previous document.
    [GeneratedRegex("^---", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex LineStartSeparator();

    /// <summary>Documents of <paramref name="text"/> with their offsets, as Helm's SplitManifests trims them.</summary>
    /// <param name="text">A rendered file, or several documents.</param>
    /// <param name="keepTrailingBlankLines">
    /// Split as Helm 4.2 does: documents are trimmed on the left only, so a document keeps its trailing blank lines
    /// (and a block scalar at its end keeps its final newlines); Helm 3 and v4.1.x trim both ends.
    /// </param>
    public static List<(int Offset, string Content)> Split(string text, bool keepTrailingBlankLines = false)
    {
        if (keepTrailingBlankLines)
            return SplitKeepingTrailingSpace(text);
        var result = new List<(int, string)>();
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        var body = text[start..end];
        var pieces = new List<(int, int)>();
        var last = 0;
        foreach (Match m in Separator().Matches(body))
        {
            pieces.Add((last, m.Index));
            last = m.Index + m.Length;
        }

        pieces.Add((last, body.Length));
        foreach (var (s, e) in pieces)
        {
            if (e <= s)
                continue;
            var ds = s;
            var de = e;
            while (ds < de && char.IsWhiteSpace(body[ds]))
                ds++;
            while (de > ds && char.IsWhiteSpace(body[de - 1]))
                de--;
            result.Add((start + ds, body[ds..de]));
        }

        return result;
    }

    private static List<(int Offset, string Content)> SplitKeepingTrailingSpace(string text)
    {
        var result = new List<(int, string)>();
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
            start++;
        // The body starts at the first non-space, where a "---" also counts as starting a line.
        var body = text[start..];
        var bounds = new List<(int Start, int End)>();
        var last = 0;
        foreach (Match m in LineStartSeparator().Matches(body))
        {
            bounds.Add((last, m.Index));
            last = m.Index + m.Length;
        }

        bounds.Add((last, body.Length));
        foreach (var (s, e) in bounds)
        {
            var ds = s;
            while (ds < e && char.IsWhiteSpace(body[ds]))
                ds++;
            if (ds < e)
                result.Add((start + ds, body[ds..e]));
        }

        return result;
    }

    /// <summary>Sorts the rendered templates' documents; throws a <see cref="ChartLoadException"/> with Helm's YAML error.</summary>
    /// <param name="templates">The rendered templates.</param>
    /// <param name="templatePaths">Helm template names to repository paths.</param>
    /// <param name="keepTrailingBlankLines">Split as Helm 4.2 does (see <see cref="Split"/>).</param>
    /// <param name="installOrder">Kind order: <see cref="HelmDefaults.InstallOrder"/> (Helm 3) unless given.</param>
    public static (List<RenderedManifest> Manifests, List<RenderedManifest> Hooks, List<RenderProblem> Problems) Sort(IEnumerable<RenderedTemplate> templates, IReadOnlyDictionary<string, string?> templatePaths, bool keepTrailingBlankLines = false, IReadOnlyList<string>? installOrder = null)
    {
        installOrder ??= HelmDefaults.InstallOrder;
        var generic = new List<RenderedManifest>();
        var hooks = new List<RenderedManifest>();
        var problems = new List<RenderProblem>();
        foreach (var t in templates.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var baseName = t.Name[(t.Name.LastIndexOf('/') + 1)..];
            if (baseName.StartsWith('_') || string.IsNullOrWhiteSpace(t.Text))
                continue;
            foreach (var (offset, content) in Split(t.Text, keepTrailingBlankLines))
            {
                object? head;
                try
                {
                    // Helm 4.2 keeps a document's trailing blank lines; they change nothing in its head, nor in yaml.v2's messages.
                    head = GoYaml.Parse(keepTrailingBlankLines ? content.TrimEnd() : content, null);
                }
                catch (GoYamlException ex)
                {
                    problems.Add(YamlProblem(t, offset, content, ex.Message, templatePaths));
                    continue;
                }

                if (head is not (null or GoMap))
                {
                    var kind = head switch { string => "string", GoList => "array", bool => "bool", _ => "number" };
                    problems.Add(YamlProblem(t, offset, content, templatePaths, "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + kind + " into Go value of type releaseutil.SimpleHead"));
                    continue;
                }

                var map = head as GoMap;
                var apiVersion = map is not null && map.TryGetValue("apiVersion", out var av) ? av as string ?? string.Empty : string.Empty;
                var kindName = map is not null && map.TryGetValue("kind", out var k) ? k as string ?? string.Empty : string.Empty;
                var annotations = map is not null && map.TryGetValue("metadata", out var md) && md is GoMap meta && meta.TryGetValue("annotations", out var an) ? an as GoMap : null;
                if (annotations is null || !annotations.TryGetValue(HookAnnotation, out var hv) || hv is not string hookTypes)
                {
                    generic.Add(new RenderedManifest(t.Name, content, t, offset, apiVersion, kindName, []));
                    continue;
                }

                var events = hookTypes.Split(',').Select(e => e.Trim().ToLowerInvariant()).ToImmutableArray();
                if (events.Any(e => !HookEvents.Contains(e)))
                    continue;
                events = [.. events.Select(e => e == "test-success" ? "test" : e)];
                hooks.Add(new RenderedManifest(t.Name, content, t, offset, apiVersion, kindName, events));
            }
        }

        return (ByKind(generic, installOrder), ByKind(hooks, installOrder), problems);
    }

    private static RenderProblem YamlProblem(RenderedTemplate t, int offset, string content, IReadOnlyDictionary<string, string?> templatePaths, string message) =>
        YamlProblem(t, offset, content, message, templatePaths);

    // The decoder names a line of the document; the source map turns it into the template line that wrote it.
    private static RenderProblem YamlProblem(RenderedTemplate t, int offset, string content, string message, IReadOnlyDictionary<string, string?> templatePaths)
    {
        var text = $"YAML parse error on {t.Name}: {message}";
        var match = YamlLine().Match(message);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var line))
            return new RenderProblem(RenderProblemKind.Yaml, text, t.RepositoryPath, 0, 0);
        var manifest = new RenderedManifest(t.Name, content, t, offset, string.Empty, string.Empty, []);
        var (span, _) = new TemplateSourceMap(manifest, templatePaths).Map(line, 1, line, 1);
        return new RenderProblem(RenderProblemKind.Yaml, text, t.RepositoryPath is null ? null : span.Path, span.StartLine, span.StartColumn);
    }

    [GeneratedRegex("yaml: line ([0-9]+):", RegexOptions.CultureInvariant)]
    private static partial Regex YamlLine();

    private static List<RenderedManifest> ByKind(List<RenderedManifest> list, IReadOnlyList<string> installOrder)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < installOrder.Count; i++)
            order[installOrder[i]] = i;
        int Compare(RenderedManifest a, RenderedManifest b)
        {
            var aKnown = order.TryGetValue(a.Kind, out var ia);
            var bKnown = order.TryGetValue(b.Kind, out var ib);
            if (!aKnown && !bKnown)
                return string.CompareOrdinal(a.Kind, b.Kind);
            if (!aKnown)
                return 1;
            if (!bKnown)
                return -1;
            return ia.CompareTo(ib);
        }

        // A stable sort: equal kinds keep file order, as Go's sort.SliceStable.
        return [.. list.Select((m, i) => (m, i)).OrderBy(x => x.m, Comparer<RenderedManifest>.Create(Compare)).ThenBy(x => x.i).Select(x => x.m)];
    }
}
