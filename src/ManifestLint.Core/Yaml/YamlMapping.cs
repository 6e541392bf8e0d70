using System.Collections.Immutable;
using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>A mapping. Lookups are by the key's text; when a key repeats, the last entry wins (and the loader reported it).</summary>
public sealed class YamlMapping : YamlNode
{
    private readonly Dictionary<string, YamlEntry>? _index;

    public YamlMapping(SourceSpan span, ImmutableArray<YamlEntry> entries, string? tag = null, ValueProvenance? provenance = null)
        : base(span, tag, provenance)
    {
        Entries = entries;
        _index = AttachAndIndex(entries);
    }

    internal YamlMapping(NodePosition position, ImmutableArray<YamlEntry> entries, string? tag)
        : base(position, tag)
    {
        Entries = entries;
        _index = AttachAndIndex(entries);
    }

    private Dictionary<string, YamlEntry>? AttachAndIndex(ImmutableArray<YamlEntry> entries)
    {
        foreach (var e in entries)
        {
            e.Key.Attach(this, e.Key.Text);
            e.Value.Attach(this, e.Key.Text);
        }

        if (entries.Length <= 8)
            return null;
        var index = new Dictionary<string, YamlEntry>(entries.Length, StringComparer.Ordinal);
        foreach (var e in entries)
            index[e.Key.Text] = e;
        return index;
    }

    public ImmutableArray<YamlEntry> Entries { get; }

    public int Count => Entries.Length;

    public YamlEntry? GetEntry(string key)
    {
        if (_index is not null)
            return _index.TryGetValue(key, out var e) ? e : null;
        for (var i = Entries.Length - 1; i >= 0; i--)
        {
            if (string.Equals(Entries[i].Key.Text, key, StringComparison.Ordinal))
                return Entries[i];
        }

        return null;
    }

    public YamlNode? this[string key] => GetEntry(key)?.Value;

    public bool ContainsKey(string key) => GetEntry(key) is not null;

    /// <summary>The key scalar of <paramref name="key"/>, for findings on a field that exists but whose value is absent or wrong.</summary>
    public YamlScalar? GetKey(string key) => GetEntry(key)?.Key;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;

    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;

    public YamlScalar? GetScalar(string key) => this[key] as YamlScalar;

    /// <summary>The string value of a scalar field, or null when absent, null or not a scalar.</summary>
    public string? GetString(string key) => GetScalar(key) is { IsNull: false } s ? s.Text : null;

    /// <summary>Follows a chain of mapping keys; null as soon as one is missing or not a mapping.</summary>
    public YamlNode? Find(params ReadOnlySpan<string> keys)
    {
        YamlNode? node = this;
        foreach (var k in keys)
        {
            if (node is not YamlMapping m)
                return null;
            node = m[k];
        }

        return node;
    }
}
