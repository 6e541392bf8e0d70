using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission.Cel;

/// <summary>A CEL map: literals, the request, or a YAML mapping of the object under test.</summary>
public interface ICelMap
{
    int Count { get; }

    IEnumerable<object> Keys { get; }

    bool TryGet(object key, out object? value);
}

/// <summary>A CEL list.</summary>
public interface ICelList
{
    int Count { get; }

    object? this[int index] { get; }
}

/// <summary>A map built by the evaluator or the host.</summary>
public sealed class CelDictionary(IReadOnlyDictionary<string, object?> entries) : ICelMap
{
    public int Count => entries.Count;

    public IEnumerable<object> Keys => entries.Keys;

    public bool TryGet(object key, out object? value)
    {
        value = null;
        return key is string s && entries.TryGetValue(s, out value);
    }
}

/// <summary>A map with keys of any CEL key type (map literals, <c>map()</c> results).</summary>
public sealed class CelObjectMap(ImmutableArray<KeyValuePair<object, object?>> entries) : ICelMap
{
    public int Count => entries.Length;

    public IEnumerable<object> Keys => entries.Select(e => e.Key);

    public bool TryGet(object key, out object? value)
    {
        foreach (var e in entries)
        {
            if (CelSemantics.KeyEquals(e.Key, key))
            {
                value = e.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}

public sealed class CelArray(ImmutableArray<object?> items) : ICelList
{
    public static CelArray Empty { get; } = new([]);

    public ImmutableArray<object?> Items => items;

    public int Count => items.Length;

    public object? this[int index] => items[index];
}

/// <summary>Records the nodes of the object under test that an evaluation read, in order; the last one is where a finding points.</summary>
public sealed class CelReadTracker
{
    public YamlNode? Last { get; private set; }

    public void Record(YamlNode node) => Last = node;

    public void Reset() => Last = null;
}

/// <summary>A YAML mapping seen as a CEL map; each field read is recorded when a tracker is attached.</summary>
public sealed class YamlCelMap(YamlMapping node, CelReadTracker? tracker) : ICelMap
{
    public YamlMapping Node => node;

    public int Count => node.Count;

    public IEnumerable<object> Keys => node.Entries.Select(e => (object)e.Key.Text);

    /// <summary>Records the mapping itself: a field found missing (<c>has()</c>, <c>.?f</c>, <c>in</c>) was judged at its parent.</summary>
    public void Touch() => tracker?.Record(node);

    public bool TryGet(object key, out object? value)
    {
        if (key is string s && node.GetEntry(s) is { } entry)
        {
            tracker?.Record(entry.Value);
            value = YamlCel.From(entry.Value, tracker);
            return true;
        }

        value = null;
        return false;
    }
}

public sealed class YamlCelList(YamlSequence node, CelReadTracker? tracker) : ICelList
{
    public int Count => node.Count;

    public object? this[int index]
    {
        get
        {
            var item = node.Items[index];
            tracker?.Record(item);
            return YamlCel.From(item, tracker);
        }
    }
}

/// <summary>Converts YAML nodes to CEL values (JSON semantics: integers, doubles, strings, booleans, null).</summary>
public static class YamlCel
{
    public static object? From(YamlNode node, CelReadTracker? tracker) => node switch
    {
        YamlMapping m => new YamlCelMap(m, tracker),
        YamlSequence s => new YamlCelList(s, tracker),
        YamlScalar { Kind: ScalarKind.Null } => null,
        YamlScalar { Kind: ScalarKind.Bool } b => b.AsBool() ?? false,
        YamlScalar { Kind: ScalarKind.Int } i => i.AsInt64() is { } l ? l : i.AsDouble(),
        YamlScalar { Kind: ScalarKind.Float } f => f.AsDouble(),
        YamlScalar s => s.Text,
        _ => null,
    };
}

/// <summary>An optional value (<c>optional.of(x)</c>, <c>optional.none()</c>, the result of <c>a.?b</c>).</summary>
public sealed record CelOptional(bool HasValue, object? Value)
{
    public static CelOptional None { get; } = new(false, null);

    public static CelOptional Of(object? value) => new(true, value);
}

/// <summary>A CEL type value, the result of <c>type(x)</c>.</summary>
public sealed record CelType(string Name)
{
    public override string ToString() => Name;
}
