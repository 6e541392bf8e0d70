namespace ManifestLint.Core.Yaml;

/// <summary>
/// Finds an entry of a mapping under construction by its key: by a scan while the mapping is small (most are),
/// through a dictionary once it has more than <see cref="ScanLimit"/> entries.
/// </summary>
internal struct EntryPositions
{
    private const int ScanLimit = 8;
    private Dictionary<string, int>? _index;

    public readonly bool TryGetValue(List<YamlEntry> entries, string key, out int position)
    {
        if (_index is not null)
            return _index.TryGetValue(key, out position);
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key.Text, key, StringComparison.Ordinal))
            {
                position = i;
                return true;
            }
        }

        position = -1;
        return false;
    }

    /// <summary>Records that <paramref name="key"/> is about to be added at the end of <paramref name="entries"/>.</summary>
    public void Add(List<YamlEntry> entries, string key)
    {
        if (_index is null && entries.Count >= ScanLimit)
        {
            _index = new Dictionary<string, int>(entries.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
                _index[entries[i].Key.Text] = i;
        }

        _index?.Add(key, entries.Count);
    }
}
