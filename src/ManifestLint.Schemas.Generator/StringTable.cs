namespace ManifestLint.Schemas.Generator;

/// <summary>Interned strings of the data file, numbered in order of first use.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public List<string> Strings { get; } = [];

    public int Id(string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = Strings.Count;
            Strings.Add(value);
            _ids[value] = id;
        }

        return id;
    }
}
