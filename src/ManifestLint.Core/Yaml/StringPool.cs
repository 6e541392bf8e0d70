namespace ManifestLint.Core.Yaml;

/// <summary>
/// One instance per distinct short string read from a file. Keys (<c>name</c>, <c>image</c>) and many values
/// (<c>true</c>, <c>http</c>, a namespace) repeat in every document; the tree keeps one copy of each, so it holds
/// fewer objects and the garbage collector has fewer to trace and move. Not thread-safe: one pool per file.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer strings (descriptions, scripts, certificates) rarely repeat.</summary>
    private const int MaxPooledLength = 64;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
            return string.Empty;
        if (value.Length > MaxPooledLength)
            return value.ToString();
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var pooled))
            return pooled;
        var s = value.ToString();
        _strings.Add(s, s);
        return s;
    }

    public string Get(string value)
    {
        if (value.Length == 0)
            return string.Empty;
        if (value.Length > MaxPooledLength)
            return value;
        if (_strings.TryGetValue(value, out var pooled))
            return pooled;
        _strings.Add(value, value);
        return value;
    }
}
