using System.Globalization;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>
/// kustomize's <c>replacements</c>: copy a field of one resource (the source, default <c>metadata.name</c>) into fields
/// of others, with field paths of keys, list indexes, <c>[key=value]</c> item selectors and <c>*</c>, and the
/// <c>delimiter</c>/<c>index</c>/<c>create</c> options. The written field keeps the source line as its origin.
/// </summary>
internal static class Replacements
{
    public static void Apply(KustomizeBuilder builder, KustomizationFile k, List<KResource> resources)
    {
        if (k.Root["replacements"] is null or YamlScalar { IsNull: true })
            return;
        if (k.Root["replacements"] is not YamlSequence seq)
            throw new KustomizeException(k.KeySpan("replacements"), "invalid kustomization: 'replacements' must be a list");
        foreach (var item in seq.Items)
        {
            if (item is not YamlMapping m)
                throw new KustomizeException(item.Span, "each replacement must be a mapping");
            if (m.GetScalar("path") is { IsNull: false } path)
            {
                foreach (var doc in builder.LoadReplacementFile(k, path))
                    ApplyOne(doc, resources);
            }
            else
            {
                ApplyOne(m, resources);
            }
        }
    }

    private static void ApplyOne(YamlMapping m, List<KResource> resources)
    {
        var source = m.GetMapping("source") ?? throw new KustomizeException(m.Span, "a replacement needs a 'source'");
        var selector = ResourceSelector.From(source);
        var sources = resources.Where(selector.Matches).ToList();
        if (sources.Count != 1)
            throw new KustomizeException(source.Span, sources.Count == 0 ? "replacement source matches no resource" : "replacement source matches more than one resource");
        var fieldPath = source.GetString("fieldPath") ?? "metadata.name";
        var found = Find(sources[0].Root, Parse(fieldPath), create: false, null).ToList();
        if (found.Count == 0)
            throw new KustomizeException(source.Span, $"fieldPath '{fieldPath}' is missing in the replacement source");
        var (holder, key) = found[0];
        var value = Get(holder, key, out var origin);
        if (source.GetMapping("options") is { } so && so.GetString("delimiter") is { } sd && value is string sv)
        {
            var parts = sv.Split(sd);
            var index = so.GetScalar("index") is { } si ? int.Parse(si.Text, CultureInfo.InvariantCulture) : 0;
            if (index < 0 || index >= parts.Length)
                throw new KustomizeException(so.Span, "options.index is out of bounds for the source value");
            value = parts[index];
        }

        if (m.GetSequence("targets") is not { } targets)
            throw new KustomizeException(m.Span, "a replacement needs 'targets'");
        foreach (var t in targets.Items.OfType<YamlMapping>())
        {
            var select = t.GetMapping("select") is { } sel ? ResourceSelector.From(sel) : throw new KustomizeException(t.Span, "a replacement target needs 'select'");
            var rejects = t.GetSequence("reject")?.Items.OfType<YamlMapping>().Select(ResourceSelector.From).ToList() ?? [];
            var options = t.GetMapping("options");
            var create = options?.GetScalar("create")?.Text == "true";
            foreach (var r in resources.Where(r => select.Matches(r) && !rejects.Any(x => x.Matches(r))))
            {
                foreach (var fp in t.GetSequence("fieldPaths")?.Items.OfType<YamlScalar>() ?? [])
                {
                    var targetsFound = Find(r.Root, Parse(fp.Text), create, origin).ToList();
                    if (targetsFound.Count == 0 && create)
                        throw new KustomizeException(fp.Span, $"unable to create field '{fp.Text}' in {r.Kind}/{r.Name}");
                    foreach (var (h, kk) in targetsFound)
                        Set(h, kk, Combine(Get(h, kk, out _), value, options), origin);
                }
            }
        }
    }

    private static object? Combine(object? current, object? value, YamlMapping? options)
    {
        if (options?.GetString("delimiter") is not { } delimiter)
            return KNode.Clone(value);
        var parts = (current is string s ? s : string.Empty).Split(delimiter).ToList();
        var index = options.GetScalar("index") is { } i ? int.Parse(i.Text, CultureInfo.InvariantCulture) : 0;
        var text = KNode.ScalarText(value);
        if (index < 0)
            parts.Insert(0, text);
        else if (index >= parts.Count)
            parts.Add(text);
        else
            parts[index] = text;
        return string.Join(delimiter, parts);
    }

    private static object? Get(object holder, object key, out NodeOrigin? origin)
    {
        switch (holder)
        {
            case KMap m when m.Entry((string)key) is { } e:
                origin = e.Origin;
                return e.Value;
            case KList l:
                origin = l.Items[(int)key].Origin;
                return l.Items[(int)key].Value;
            default:
                origin = null;
                return null;
        }
    }

    private static void Set(object holder, object key, object? value, NodeOrigin? origin)
    {
        switch (holder)
        {
            case KMap m:
                m.Set((string)key, value, origin?.Over(m.Entry((string)key)?.Origin, "base value set here"));
                break;
            case KList l:
                l.Items[(int)key] = new KItem(value, origin?.Over(l.Items[(int)key].Origin, "base value set here"));
                break;
        }
    }

    /// <summary>Splits a field path at dots outside brackets.</summary>
    internal static List<string> Parse(string path)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '[')
                depth++;
            else if (path[i] == ']')
                depth--;
            else if (path[i] == '.' && depth == 0)
            {
                parts.Add(path[start..i]);
                start = i + 1;
            }
        }

        parts.Add(path[start..]);
        return parts;
    }

    /// <summary>Every (holder, key) the path reaches; with <paramref name="create"/>, missing mappings are made.</summary>
    private static IEnumerable<(object Holder, object Key)> Find(KMap root, List<string> parts, bool create, NodeOrigin? origin)
    {
        var current = new List<object> { root };
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var last = i == parts.Count - 1;
            var next = new List<object>();
            var results = new List<(object, object)>();
            foreach (var node in current)
            {
                if (part.StartsWith('[') && part.EndsWith(']') && node is KList list)
                {
                    var eq = part.IndexOf('=', StringComparison.Ordinal);
                    if (eq < 0)
                        continue;
                    var k = part[1..eq];
                    var v = part[(eq + 1)..^1];
                    for (var j = 0; j < list.Count; j++)
                    {
                        if (list.Items[j].Value is KMap im && KNode.ScalarText(im[k]) == v)
                        {
                            if (last)
                                results.Add((list, j));
                            else
                                next.Add(im);
                        }
                    }
                }
                else if (part == "*")
                {
                    if (node is KList l)
                    {
                        for (var j = 0; j < l.Count; j++)
                        {
                            if (last)
                                results.Add((l, j));
                            else if (l.Items[j].Value is { } iv)
                                next.Add(iv);
                        }
                    }
                    else if (node is KMap mm)
                    {
                        foreach (var e in mm.Entries)
                        {
                            if (last)
                                results.Add((mm, e.Key));
                            else if (e.Value is { } ev)
                                next.Add(ev);
                        }
                    }
                }
                else if (node is KList il && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx < il.Count)
                {
                    if (last)
                        results.Add((il, idx));
                    else if (il.Items[idx].Value is { } iv)
                        next.Add(iv);
                }
                else if (node is KMap map)
                {
                    var key = part.StartsWith('[') && part.EndsWith(']') ? part[1..^1] : part;
                    if (last)
                    {
                        if (map.Entry(key) is not null || create)
                            results.Add((map, key));
                    }
                    else if (map[key] is { } child)
                    {
                        next.Add(child);
                    }
                    else if (create)
                    {
                        var made = new KMap();
                        map.Set(key, made, origin);
                        next.Add(made);
                    }
                }
            }

            if (last)
                return results;
            current = next;
        }

        return [];
    }
}
