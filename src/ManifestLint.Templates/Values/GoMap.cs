using System.Collections;

namespace ManifestLint.Templates.Values;

/// <summary>
/// A Go map with string keys (<c>map[string]interface {}</c>, Helm's <c>chartutil.Values</c>, or
/// <c>map[string]string</c>). Go ranges over and prints maps in sorted key order; <see cref="SortedKeys"/>
/// gives that order (ordinal). Each entry may carry the <see cref="ValueOrigin"/> of the YAML it was read
/// from, which is how provenance reaches values-file lines.
/// </summary>
public sealed class GoMap : IEnumerable<KeyValuePair<string, object?>>
{
    public const string InterfaceMapType = "map[string]interface {}";
    public const string ValuesType = "chartutil.Values";

    /// <summary>Helm 4's name for <see cref="ValuesType"/> (pkg/chart/common), the same map type with the same methods.</summary>
    public const string Helm4ValuesType = "common.Values";
    public const string StringMapType = "map[string]string";

    /// <summary>True for Helm's values map type, as Helm 3 (<c>chartutil.Values</c>) or Helm 4 (<c>common.Values</c>) names it.</summary>
    public static bool IsValuesType(string? goTypeName) => goTypeName is ValuesType or Helm4ValuesType;

    private readonly Dictionary<string, object?> _entries;
    private Dictionary<string, ValueOrigin>? _origins;

    public GoMap(string goTypeName = InterfaceMapType)
    {
        GoTypeName = goTypeName;
        _entries = new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public GoMap(IEnumerable<KeyValuePair<string, object?>> entries, string goTypeName = InterfaceMapType)
        : this(goTypeName)
    {
        foreach (var (k, v) in entries)
            _entries[k] = v;
    }

    // A second view of the same storage under another Go type name (see SharedAs).
    private GoMap(GoMap shared, string goTypeName)
    {
        GoTypeName = goTypeName;
        _entries = shared._entries;
        _origins = shared._origins ??= new Dictionary<string, ValueOrigin>(StringComparer.Ordinal);
        Origin = shared.Origin;
        IsNil = shared.IsNil;
    }

    /// <summary>
    /// The same Go map seen through another type name: entries (and their origins) are shared, so a write through
    /// either object is seen by both. Helm does this when a subchart's <c>.Values</c> (<c>chartutil.Values</c>) is the
    /// very map its parent sees as <c>.Values.&lt;child&gt;</c> (<c>map[string]interface {}</c>).
    /// <see cref="IsNil"/> is each view's own.
    /// </summary>
    public GoMap SharedAs(string goTypeName) => new(this, goTypeName);

    /// <summary>
    /// A nil map of <paramref name="goTypeName"/> (such as Helm's <c>.Chart.Annotations</c> when Chart.yaml has none):
    /// empty everywhere, but <c>encoding/json</c> (and so <c>toJson</c>/<c>toYaml</c>) writes it as <c>null</c>,
    /// <c>%#v</c> prints <c>map[string]string(nil)</c> and <c>reflect.DeepEqual</c> tells it from an empty map.
    /// </summary>
    public static GoMap Nil(string goTypeName = InterfaceMapType) => new(goTypeName) { IsNil = true };

    /// <summary>True for a Go nil map (made by <see cref="Nil"/>); setting an entry clears it.</summary>
    public bool IsNil { get; private set; }

    /// <summary>The Go type name as <c>printf "%T"</c> shows it.</summary>
    public string GoTypeName { get; set; }

    /// <summary>The origin of the map itself (its mapping node), when known.</summary>
    public ValueOrigin? Origin { get; set; }

    public int Count => _entries.Count;

    public object? this[string key]
    {
        get => _entries[key];
        set
        {
            IsNil = false;
            _entries[key] = value;
        }
    }

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => _entries.TryGetValue(key, out value);

    public bool Remove(string key)
    {
        _origins?.Remove(key);
        return _entries.Remove(key);
    }

    public void Set(string key, object? value, ValueOrigin? origin = null)
    {
        IsNil = false;
        _entries[key] = value;
        if (origin is not null)
            (_origins ??= new Dictionary<string, ValueOrigin>(StringComparer.Ordinal))[key] = origin;
        else
            _origins?.Remove(key);
    }

    /// <summary>The origin of the entry <paramref name="key"/> (the position of its key in the YAML), if known.</summary>
    public ValueOrigin? OriginOf(string key) =>
        _origins is not null && _origins.TryGetValue(key, out var o) ? o : null;

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>Keys in Go's order for printing and ranging: ordinal (byte-wise for UTF-8 text).</summary>
    public string[] SortedKeys()
    {
        var keys = _entries.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
