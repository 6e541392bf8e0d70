namespace ManifestLint.Kustomize;

/// <summary>A YAML mapping of the build, entries in insertion order (output sorts them).</summary>
internal sealed class KMap
{
    public List<KEntry> Entries { get; } = [];

    public int Count => Entries.Count;

    public KEntry? Entry(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key == key)
                return e;
        }

        return null;
    }

    public object? this[string key] => Entry(key)?.Value;

    public KMap? Map(string key) => this[key] as KMap;

    public KList? List(string key) => this[key] as KList;

    public string? String(string key) => this[key] is { } v and not KMap and not KList ? KNode.ScalarText(v) : null;

    public KEntry Set(string key, object? value, NodeOrigin? origin)
    {
        var e = Entry(key);
        if (e is null)
        {
            e = new KEntry(key, value, origin);
            Entries.Add(e);
        }
        else
        {
            e.Value = value;
            e.Origin = origin ?? e.Origin;
        }

        return e;
    }

    public bool Remove(string key) => Entries.RemoveAll(e => e.Key == key) > 0;

    /// <summary>The mapping at <paramref name="key"/>, created (with <paramref name="origin"/>) when absent or not a mapping.</summary>
    public KMap GetOrAddMap(string key, NodeOrigin? origin)
    {
        if (this[key] is KMap m)
            return m;
        m = new KMap();
        Set(key, m, origin);
        return m;
    }

    public KMap Clone()
    {
        var c = new KMap();
        foreach (var e in Entries)
            c.Entries.Add(new KEntry(e.Key, KNode.Clone(e.Value), e.Origin));
        return c;
    }
}
