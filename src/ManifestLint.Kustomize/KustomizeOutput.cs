using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Kustomize;

/// <summary>
/// Writes a resource as <c>kubectl kustomize</c> does (its JSON form through sigs.k8s.io/yaml: yaml.v2's key order,
/// quoting and folding, which <see cref="GoYamlWriter"/> reproduces) and records, line by line, which origin each
/// output line has.
/// </summary>
internal static class KustomizeOutput
{
    public static BuiltDocument Write(KResource resource)
    {
        var origins = new Dictionary<ValueOrigin, NodeOrigin>(ReferenceEqualityComparer.Instance);
        var value = ToGo(resource.Root, origins);
        var tracked = GoYamlWriter.ToYaml(value);
        var text = tracked.Text + "\n";
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '\n')
                lineStarts.Add(i + 1);
        }

        var lines = new NodeOrigin?[lineStarts.Count];
        foreach (var seg in tracked.Segments)
        {
            if (seg.Value is null || !origins.TryGetValue(seg.Value, out var origin))
                continue;
            var line = lineStarts.BinarySearch(seg.Start);
            if (line < 0)
                line = ~line - 1;
            if (line >= 0 && line < lines.Length)
                lines[line] ??= origin;
        }

        // Lines of a block scalar carry no segment of their own: they belong to the entry above them.
        for (var i = 1; i < lines.Length; i++)
            lines[i] ??= lines[i - 1];
        return new BuiltDocument(text, new KustomizeSourceMap(lines, resource.Origin));
    }

    private static object? ToGo(object? value, Dictionary<ValueOrigin, NodeOrigin> origins)
    {
        switch (value)
        {
            case KMap m:
                {
                    var map = new GoMap();
                    foreach (var e in m.Entries)
                        map.Set(e.Key, ToGo(e.Value, origins), Track(e.Origin, origins));
                    return map;
                }

            case KList l:
                {
                    var list = new GoList();
                    foreach (var i in l.Items)
                        list.Add(ToGo(i.Value, origins), Track(i.Origin, origins));
                    return list;
                }

            default:
                return value;
        }
    }

    private static ValueOrigin? Track(NodeOrigin? origin, Dictionary<ValueOrigin, NodeOrigin> origins)
    {
        if (origin is null)
            return null;
        var v = new ValueOrigin(origin.Span.Path, origin.Span.StartLine, origin.Span.StartColumn, string.Empty);
        origins[v] = origin;
        return v;
    }
}
