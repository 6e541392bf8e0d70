using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig's dict functions: <c>dict</c>, <c>get</c>/<c>set</c>/<c>unset</c>/<c>hasKey</c>, <c>keys</c>/<c>values</c>,
/// <c>pick</c>/<c>omit</c>/<c>pluck</c>, <c>dig</c>, <c>deepCopy</c>, and <c>merge</c>/<c>mergeOverwrite</c> with
/// the rules of mergo 0.3.12 (which entries count as empty, how lists and nested maps meet).
/// Go's map iteration order is random; where Sprig exposes it (<c>keys</c>, <c>values</c>) keys are taken in order.
/// </summary>
internal static class SprigCoreDicts
{
    private static readonly GoType X = GoType.Interface;
    private static readonly GoType S = GoType.String;
    private static readonly GoType M = GoType.InterfaceMap;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "dict", NoParameters, X, M, false, c => Dict(c.Arguments, c.Origins));
        Add(map, "get", [M, S], null, X, false, c => Map(c[0]).TryGetValue(Text(c[1]), out var v) ? v : "");
        Add(map, "set", [M, S, X], null, M, false, c => Set(Map(c[0]), Text(c[1]), c[2], Origin(c, 2)));
        Add(map, "unset", [M, S], null, M, false, c =>
        {
            var m = Map(c[0]);
            m.Remove(Text(c[1]));
            return m;
        });
        Add(map, "hasKey", [M, S], null, GoType.Bool, false, c => Map(c[0]).ContainsKey(Text(c[1])));
        Add(map, "pluck", [S], M, GoType.InterfaceSlice, false, c => Pluck(Text(c[0]), c.Arguments.Skip(1)));
        Add(map, "keys", NoParameters, M, GoType.StringSlice, false, c => Keys(c.Arguments));
        Add(map, "values", [M], null, GoType.InterfaceSlice, false, c => Values(Map(c[0])));
        Add(map, "pick", [M], S, M, false, c => Pick(Map(c[0]), c.Arguments.Skip(1).Select(Text).ToHashSet(StringComparer.Ordinal)));
        Add(map, "omit", [M], S, M, false, c => Omit(Map(c[0]), c.Arguments.Skip(1).Select(Text).ToHashSet(StringComparer.Ordinal)));
        Add(map, "merge", [M], M, X, false, c => Merge(c.Arguments, overwrite: false));
        Add(map, "mustMerge", [M], M, X, true, c => Merge(c.Arguments, overwrite: false));
        Add(map, "mergeOverwrite", [M], M, X, false, c => Merge(c.Arguments, overwrite: true));
        Add(map, "mustMergeOverwrite", [M], M, X, true, c => Merge(c.Arguments, overwrite: true));
        Add(map, "dig", NoParameters, X, X, true, c => Dig(c.Arguments));
        Add(map, "deepCopy", [X], null, X, false, c => DeepCopy(c[0]));
        Add(map, "mustDeepCopy", [X], null, X, true, c => DeepCopy(c[0]));
    }

    private static GoMap Map(object? value) => value as GoMap ?? new GoMap();

    private static ValueOrigin? Origin(FunctionCall call, int index) =>
        index < call.Origins.Count ? call.Origins[index] : null;

    private static GoMap Dict(IReadOnlyList<object?> args, IReadOnlyList<ValueOrigin?> origins)
    {
        var dict = new GoMap();
        for (var i = 0; i < args.Count; i += 2)
        {
            var key = Strval(args[i]);
            if (i + 1 >= args.Count)
            {
                dict.Set(key, "");
                continue;
            }

            dict.Set(key, args[i + 1], i + 1 < origins.Count ? origins[i + 1] : null);
        }

        return dict;
    }

    private static GoMap Set(GoMap map, string key, object? value, ValueOrigin? origin)
    {
        map.Set(key, value, origin);
        return map;
    }

    private static GoList Pluck(string key, IEnumerable<object?> dicts)
    {
        var result = new GoList();
        foreach (var d in dicts)
        {
            if (d is GoMap m && m.TryGetValue(key, out var v))
                result.Add(v, m.OriginOf(key));
        }

        return result;
    }

    private static GoList Keys(IEnumerable<object?> dicts)
    {
        var result = new GoList(GoList.StringSliceType);
        foreach (var d in dicts)
        {
            if (d is GoMap m)
            {
                foreach (var k in m.SortedKeys())
                    result.Add(k);
            }
        }

        return result;
    }

    private static GoList Values(GoMap map)
    {
        var result = new GoList();
        foreach (var k in map.SortedKeys())
            result.Add(map[k], map.OriginOf(k));
        return result;
    }

    private static GoMap Pick(GoMap map, HashSet<string> keys)
    {
        var result = new GoMap();
        foreach (var k in keys)
        {
            if (map.TryGetValue(k, out var v))
                result.Set(k, v, map.OriginOf(k));
        }

        return result;
    }

    private static GoMap Omit(GoMap map, HashSet<string> keys)
    {
        var result = new GoMap();
        foreach (var (k, v) in map)
        {
            if (!keys.Contains(k))
                result.Set(k, v, map.OriginOf(k));
        }

        return result;
    }

    private static object? Dig(IReadOnlyList<object?> ps)
    {
        if (ps.Count < 3)
            throw Fail("dig needs at least three arguments");
        var dict = AsPlainMap(ps[^1]);
        var def = ps[^2];
        var keys = new string[ps.Count - 2];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = AsString(ps[i])
                ?? throw Fail("interface conversion: interface {} is " + TypeName(ps[i]) + ", not string");
        }

        for (var i = 0; ; i++)
        {
            if (!dict.TryGetValue(keys[i], out var step))
                return def;
            if (i == keys.Length - 1)
                return step;
            dict = AsPlainMap(step);
        }
    }

    // Go's type assertion v.(map[string]interface{}): a named map type such as chartutil.Values does not match.
    private static GoMap AsPlainMap(object? value) =>
        value is GoMap m && m.GoTypeName == GoMap.InterfaceMapType
            ? m
            : throw Fail("interface conversion: interface {} is " + (value is null ? "nil" : TypeName(value)) + ", not map[string]interface {}");

    /// <summary>copystructure.Copy: maps and lists are copied all the way down; types and origins are kept.</summary>
    public static object? DeepCopy(object? value)
    {
        if (value is null)
            throw Fail("reflect: call of reflect.Value.Type on zero Value");
        return Copy(value);
    }

    private static object? Copy(object? value)
    {
        switch (value)
        {
            case GoMap { IsNil: true } nilMap:
                // copystructure keeps a nil map nil.
                return GoMap.Nil(nilMap.GoTypeName);
            case GoMap m:
                {
                    var copy = new GoMap(m.GoTypeName) { Origin = m.Origin };
                    foreach (var (k, v) in m)
                        copy.Set(k, Copy(v), m.OriginOf(k));
                    return copy;
                }

            case GoList { IsNil: true } nil:
                // copystructure keeps a nil slice nil.
                return GoList.Nil(nil.GoTypeName);
            case GoList l:
                {
                    var copy = new GoList(l.GoTypeName) { Origin = l.Origin };
                    for (var i = 0; i < l.Count; i++)
                        copy.Add(Copy(l[i]), l.OriginOf(i));
                    return copy;
                }

            case byte[] b:
                return b.ToArray();
            default:
                return value;
        }
    }

    private static GoMap Merge(IReadOnlyList<object?> args, bool overwrite)
    {
        var dst = Map(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is GoMap src)
                MergeMap(dst, src, overwrite);
        }

        return dst;
    }

    // mergo's deepMerge for map[string]interface{} destinations.
    private static void MergeMap(GoMap dst, GoMap src, bool overwrite)
    {
        var srcEmpty = src.Count == 0;
        foreach (var key in src.SortedKeys())
        {
            var srcEl = src[key];
            var dstHas = dst.TryGetValue(key, out var dstEl);
            if (srcEl is null)
            {
                if (overwrite)
                    dst.Set(key, null, src.OriginOf(key));
                continue;
            }

            var srcIsMap = srcEl is GoMap;
            var srcIsList = IsList(srcEl);
            if (srcEl is GoMap srcMap)
            {
                if (dstHas && dstEl is GoMap dstMap)
                    MergeMap(dstMap, srcMap, overwrite);
            }
            else if (srcIsList)
            {
                var dstSlice = !dstHas || dstEl is null ? new GoList(srcEl is GoList sl ? sl.GoTypeName : "[]uint8") : dstEl;
                if (!srcEmpty && (overwrite || dst.Count == 0))
                    dstSlice = srcEl;
                dst.Set(key, dstSlice, ReferenceEquals(dstSlice, srcEl) ? src.OriginOf(key) : dst.OriginOf(key));
            }

            if (dstHas && !IsEmpty(dstEl) && (srcIsMap || srcIsList))
                continue;
            if (overwrite || !dstHas || IsEmpty(dstEl))
                dst.Set(key, srcEl, src.OriginOf(key));
        }
    }
}
