using System.Globalization;
using ManifestLint.Core.Text;

namespace ManifestLint.Kustomize;

/// <summary>RFC 6902 JSON patches (add, remove, replace, move, copy, test) on a resource tree.</summary>
internal static class JsonPatch
{
    public static void Apply(KResource target, KList operations, SourceSpan at)
    {
        foreach (var item in operations.Items)
        {
            if (item.Value is not KMap op)
                throw new KustomizeException(Span(item.Origin, at), "a JSON patch operation must be a mapping");
            var name = op.String("op") ?? throw new KustomizeException(Span(item.Origin, at), "a JSON patch operation needs 'op'");
            var path = op.String("path") ?? throw new KustomizeException(Span(item.Origin, at), "a JSON patch operation needs 'path'");
            var opAt = Span(item.Origin, at);
            var origin = op.Entry("value")?.Origin ?? item.Origin;
            switch (name)
            {
                case "add":
                    Add(target.Root, path, KNode.Clone(op["value"]), origin, opAt, replace: false);
                    break;
                case "replace":
                    Add(target.Root, path, KNode.Clone(op["value"]), origin, opAt, replace: true);
                    break;
                case "remove":
                    Remove(target.Root, path, opAt);
                    break;
                case "move":
                case "copy":
                    {
                        var from = op.String("from") ?? throw new KustomizeException(opAt, $"'{name}' needs 'from'");
                        var (value, valueOrigin) = Get(target.Root, from, opAt);
                        if (name == "move")
                            Remove(target.Root, from, opAt);
                        Add(target.Root, path, KNode.Clone(value), valueOrigin ?? origin, opAt, replace: false);
                        break;
                    }

                case "test":
                    {
                        var (value, _) = Get(target.Root, path, opAt);
                        if (!DeepEquals(value, op["value"]))
                            throw new KustomizeException(opAt, $"testing value {path} failed");
                        break;
                    }

                default:
                    throw new KustomizeException(opAt, $"unknown JSON patch operation '{name}'");
            }
        }
    }

    private static SourceSpan Span(NodeOrigin? origin, SourceSpan fallback) => origin?.Span ?? fallback;

    private static string[] Parse(string pointer, SourceSpan at)
    {
        if (pointer.Length == 0)
            return [];
        if (pointer[0] != '/')
            throw new KustomizeException(at, $"JSON pointer '{pointer}' must start with '/'");
        return [.. pointer[1..].Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static object? Parent(KMap root, string[] parts, string pointer, SourceSpan at)
    {
        object? node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = node switch
            {
                KMap m when m.Entry(parts[i]) is { } e => e.Value,
                KList l when int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx < l.Count => l.Items[idx].Value,
                _ => throw new KustomizeException(at, $"JSON patch path '{pointer}' does not exist in the resource"),
            };
        }

        return node;
    }

    private static void Add(KMap root, string pointer, object? value, NodeOrigin? origin, SourceSpan at, bool replace)
    {
        var parts = Parse(pointer, at);
        if (parts.Length == 0)
            throw new KustomizeException(at, "a JSON patch may not replace the whole resource");
        var parent = Parent(root, parts, pointer, at);
        var last = parts[^1];
        switch (parent)
        {
            case KMap m:
                {
                    var existing = m.Entry(last);
                    if (replace && existing is null)
                        throw new KustomizeException(at, $"JSON patch replace: '{pointer}' does not exist in the resource");
                    var o = origin?.Over(existing?.Origin, "base value set here");
                    if (value is not null && o is not null && existing?.Value is null)
                        KNode.Stamp(value, origin!);
                    m.Set(last, value, o);
                    break;
                }

            case KList l:
                {
                    if (last == "-" && !replace)
                    {
                        l.Add(value, origin);
                        break;
                    }

                    if (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var idx) || idx > l.Count || (replace && idx == l.Count))
                        throw new KustomizeException(at, $"JSON patch index '{last}' is out of range in '{pointer}'");
                    if (replace)
                        l.Items[idx] = new KItem(value, origin?.Over(l.Items[idx].Origin, "base value set here"));
                    else
                        l.Items.Insert(idx, new KItem(value, origin));
                    break;
                }

            default:
                throw new KustomizeException(at, $"JSON patch path '{pointer}' does not exist in the resource");
        }
    }

    private static void Remove(KMap root, string pointer, SourceSpan at)
    {
        var parts = Parse(pointer, at);
        if (parts.Length == 0)
            throw new KustomizeException(at, "a JSON patch may not remove the whole resource");
        switch (Parent(root, parts, pointer, at))
        {
            case KMap m when m.Remove(parts[^1]):
                break;
            case KList l when int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx < l.Count:
                l.Items.RemoveAt(idx);
                break;
            default:
                throw new KustomizeException(at, $"JSON patch remove: '{pointer}' does not exist in the resource");
        }
    }

    private static (object? Value, NodeOrigin? Origin) Get(KMap root, string pointer, SourceSpan at)
    {
        var parts = Parse(pointer, at);
        if (parts.Length == 0)
            return (root, null);
        return Parent(root, parts, pointer, at) switch
        {
            KMap m when m.Entry(parts[^1]) is { } e => (e.Value, e.Origin),
            KList l when int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx < l.Count => (l.Items[idx].Value, l.Items[idx].Origin),
            _ => throw new KustomizeException(at, $"JSON patch path '{pointer}' does not exist in the resource"),
        };
    }

    private static bool DeepEquals(object? a, object? b) => (a, b) switch
    {
        (KMap x, KMap y) => x.Count == y.Count && x.Entries.All(e => y.Entry(e.Key) is { } f && DeepEquals(e.Value, f.Value)),
        (KList x, KList y) => x.Count == y.Count && x.Items.Zip(y.Items).All(p => DeepEquals(p.First.Value, p.Second.Value)),
        (KMap or KList, _) or (_, KMap or KList) => false,
        _ => KNode.ScalarEquals(a, b),
    };
}
