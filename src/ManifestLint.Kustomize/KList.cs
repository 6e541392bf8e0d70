namespace ManifestLint.Kustomize;

/// <summary>A YAML sequence of the build.</summary>
internal sealed class KList
{
    public List<KItem> Items { get; } = [];

    public int Count => Items.Count;

    public void Add(object? value, NodeOrigin? origin) => Items.Add(new KItem(value, origin));

    public IEnumerable<KMap> Maps() => Items.Select(i => i.Value).OfType<KMap>();

    public KList Clone()
    {
        var c = new KList();
        foreach (var i in Items)
            c.Items.Add(new KItem(KNode.Clone(i.Value), i.Origin));
        return c;
    }
}
