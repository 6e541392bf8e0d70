using System.Collections;

namespace ManifestLint.Templates.Values;

/// <summary>
/// A Go slice (<c>[]interface {}</c> unless <see cref="GoTypeName"/> says otherwise, e.g. <c>[]string</c>
/// from <c>splitList</c>, <c>[]int</c> from <c>until</c>). Items may carry origins like <see cref="GoMap"/> entries.
/// A list made by <see cref="Nil"/> is a typed nil slice (see <see cref="IsNil"/>).
/// </summary>
public sealed class GoList : IList<object?>, IReadOnlyList<object?>
{
    public const string InterfaceSliceType = "[]interface {}";
    public const string StringSliceType = "[]string";
    public const string IntSliceType = "[]int";

    private readonly List<object?> _items;
    private Dictionary<int, ValueOrigin>? _origins;

    public GoList(string goTypeName = InterfaceSliceType)
    {
        GoTypeName = goTypeName;
        _items = [];
    }

    public GoList(IEnumerable<object?> items, string goTypeName = InterfaceSliceType)
    {
        GoTypeName = goTypeName;
        _items = [.. items];
    }

    /// <summary>
    /// A nil slice of <paramref name="goTypeName"/> (such as Helm's <c>.Chart.Keywords</c> when Chart.yaml has none):
    /// empty everywhere, but <c>encoding/json</c> (and so <c>toJson</c>/<c>toYaml</c>) writes it as <c>null</c>,
    /// <c>%#v</c> prints <c>[]string(nil)</c> and <c>reflect.DeepEqual</c> tells it from an empty slice.
    /// </summary>
    public static GoList Nil(string goTypeName = InterfaceSliceType) => new(goTypeName) { IsNil = true };

    public string GoTypeName { get; set; }

    /// <summary>
    /// True for a Go nil slice (made by <see cref="Nil"/>). Adding an item clears it, like Go's <c>append</c>, which
    /// gives a non-nil slice; copies keep it only where Go's copy would (<c>deepCopy</c>).
    /// </summary>
    public bool IsNil { get; private set; }

    /// <summary>The origin of the list itself (its sequence node), when known.</summary>
    public ValueOrigin? Origin { get; set; }

    public int Count => _items.Count;

    public bool IsReadOnly => false;

    public object? this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public void Add(object? item)
    {
        IsNil = false;
        _items.Add(item);
    }

    public void Add(object? item, ValueOrigin? origin)
    {
        IsNil = false;
        _items.Add(item);
        if (origin is not null)
            (_origins ??= [])[_items.Count - 1] = origin;
    }

    public ValueOrigin? OriginOf(int index) =>
        _origins is not null && _origins.TryGetValue(index, out var o) ? o : null;

    public void Clear()
    {
        _items.Clear();
        _origins = null;
    }

    public bool Contains(object? item) => _items.Contains(item);

    public void CopyTo(object?[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    public IEnumerator<object?> GetEnumerator() => _items.GetEnumerator();

    public int IndexOf(object? item) => _items.IndexOf(item);

    public void Insert(int index, object? item)
    {
        IsNil = false;
        _items.Insert(index, item);
        _origins = null;
    }

    public bool Remove(object? item)
    {
        _origins = null;
        return _items.Remove(item);
    }

    public void RemoveAt(int index)
    {
        _origins = null;
        _items.RemoveAt(index);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
