using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>
/// Helm's chartutil coalescing, rule for rule: user values over chart defaults, parents over subcharts, globals
/// copied down, <c>null</c> deleting a key when coalescing (kept when merging). Works on copies; entry origins travel
/// with the values so every leaf still knows its values-file line.
/// </summary>
internal static class ValuesCoalescer
{
    public const string GlobalKey = "global";

    public static object? Copy(object? value) => value switch
    {
        GoMap m => CopyMap(m),
        GoList l => CopyList(l),
        _ => value,
    };

    public static GoMap CopyMap(GoMap map)
    {
        var copy = new GoMap(map.GoTypeName) { Origin = map.Origin };
        foreach (var (k, v) in map)
            copy.Set(k, Copy(v), map.OriginOf(k));
        return copy;
    }

    private static GoMap ShallowCopy(GoMap map)
    {
        var copy = new GoMap(map.GoTypeName) { Origin = map.Origin };
        foreach (var (k, v) in map)
            copy.Set(k, v, map.OriginOf(k));
        return copy;
    }

    private static GoList CopyList(GoList list)
    {
        var copy = new GoList(list.GoTypeName) { Origin = list.Origin };
        for (var i = 0; i < list.Count; i++)
            copy.Add(Copy(list[i]), list.OriginOf(i));
        return copy;
    }

    /// <summary>Coalesces <paramref name="values"/> with the chart's defaults and its subcharts'.</summary>
    /// <param name="chart">The chart, subcharts processed.</param>
    /// <param name="values">The user's values.</param>
    /// <param name="dropNulls">
    /// As Helm 4.2 and later: a <c>null</c> in a chart's own values.yaml (the parent's included) is dropped when the
    /// default is copied in, so it neither shows in <c>.Values</c> nor erases a subchart's default.
    /// </param>
    public static GoMap CoalesceValues(HelmChart chart, GoMap? values, bool dropNulls = false) =>
        Coalesce(chart, values is null ? new GoMap(GoMap.ValuesType) : CopyMap(values), merge: false, dropNulls);

    public static GoMap MergeValues(HelmChart chart, GoMap? values) =>
        Coalesce(chart, values is null ? new GoMap(GoMap.ValuesType) : CopyMap(values), merge: true, dropNulls: false);

    public static GoMap CoalesceTables(GoMap dst, GoMap src) => CoalesceTablesFullKey(dst, src, merge: false, dropNulls: false);

    public static GoMap MergeTables(GoMap dst, GoMap src) => CoalesceTablesFullKey(dst, src, merge: true, dropNulls: false);

    private static GoMap Coalesce(HelmChart chart, GoMap dest, bool merge, bool dropNulls)
    {
        CoalesceChartValues(chart, dest, merge, dropNulls);
        CoalesceDependencies(chart, dest, merge, dropNulls);
        return dest;
    }

    private static void CoalesceDependencies(HelmChart chart, GoMap dest, bool merge, bool dropNulls)
    {
        foreach (var sub in chart.Subcharts)
        {
            if (!dest.TryGetValue(sub.Name, out var existing))
            {
                dest.Set(sub.Name, new GoMap());
            }
            else if (existing is not GoMap)
            {
                throw new ChartLoadException($"type mismatch on {sub.Name}: %!t({GoFormat.FormatValue(existing)})");
            }

            var dvmap = (GoMap)dest[sub.Name]!;
            CoalesceGlobals(dvmap, dest);
            var origin = dest.OriginOf(sub.Name);
            dest.Set(sub.Name, Coalesce(sub, dvmap, merge, dropNulls), origin);
        }
    }

    // The "global" table of a values map: a new empty one when absent, null when it is not a table.
    private static GoMap? Globals(GoMap values) =>
        !values.TryGetValue(GlobalKey, out var global) ? new GoMap() : global as GoMap;

    private static void CoalesceGlobals(GoMap dest, GoMap src)
    {
        if (Globals(dest) is not { } dg || Globals(src) is not { } sg)
            return;

        foreach (var (key, val) in sg.ToList())
        {
            if (val is GoMap table)
            {
                // Helm's copyMap is one level deep: the nested tables stay the parent's own, so a subchart's global
                // defaults merged below land in them too, and a template's `set` on them is seen on both sides.
                var vv = ShallowCopy(table);
                if (!dg.TryGetValue(key, out var destv))
                {
                    dg.Set(key, vv, sg.OriginOf(key));
                }
                else if (destv is GoMap destvmap)
                {
                    // Globals merge top-down: the parent's global table wins over the child's own.
                    CoalesceTablesFullKey(vv, destvmap, merge: true, dropNulls: false);
                    dg.Set(key, vv, sg.OriginOf(key));
                }
            }
            else if (dg.TryGetValue(key, out var dv) && dv is GoMap)
            {
                continue;
            }
            else
            {
                dg.Set(key, val, sg.OriginOf(key));
            }
        }

        var origin = dest.OriginOf(GlobalKey);
        dest.Set(GlobalKey, dg, origin);
    }

    private static void CoalesceChartValues(HelmChart chart, GoMap v, bool merge, bool dropNulls)
    {
        var vc = CopyMap(chart.Values);
        foreach (var (key, val) in vc.ToList())
        {
            if (v.TryGetValue(key, out var value))
            {
                if (value is null && !merge)
                {
                    v.Remove(key);
                }
                else if (value is GoMap dest && val is GoMap src)
                {
                    var childMerge = merge || chart.Subcharts.Any(s => s.Name == key);
                    CoalesceTablesFullKey(dest, src, childMerge, dropNulls);
                }
            }
            else if (!dropNulls || merge)
            {
                v.Set(key, val, vc.OriginOf(key));
            }
            else if (val is not null)
            {
                v.Set(key, WithoutNulls(val), vc.OriginOf(key));
            }
        }
    }

    private static GoMap CoalesceTablesFullKey(GoMap? dst, GoMap? src, bool merge, bool dropNulls)
    {
        if (src is null)
            return dst!;
        if (dst is null)
            return src;
        // A null that the source does not have stays (Helm 3.17 and 4.1 keep it: toYaml prints "key: null"); only a null
        // over a source key deletes it.
        foreach (var (key, val) in src.ToList())
        {
            var present = dst.TryGetValue(key, out var dv);
            if (present && !merge && dv is null)
                dst.Remove(key);
            else if (!present)
            {
                if (!dropNulls || merge)
                    dst.Set(key, val, src.OriginOf(key));
                else if (val is not null)
                    dst.Set(key, WithoutNulls(val), src.OriginOf(key));
            }
            else if (val is GoMap srcTable)
            {
                if (dv is GoMap dstTable)
                    CoalesceTablesFullKey(dstTable, srcTable, merge, dropNulls);
            }
        }

        return dst;
    }

    // A default copied in by Helm 4.2: tables lose their null entries, at every depth.
    private static object? WithoutNulls(object? value)
    {
        if (value is not GoMap map)
            return value;
        foreach (var (k, v) in map.ToList())
        {
            if (v is null)
                map.Remove(k);
            else if (v is GoMap)
                map.Set(k, WithoutNulls(v), map.OriginOf(k));
        }

        return map;
    }

    /// <summary><c>Values.Table</c>: the map at a dotted path, or null when some step is missing or not a map.</summary>
    public static GoMap? Table(GoMap root, string path)
    {
        var table = root;
        foreach (var part in path.Split('.'))
        {
            if (!table.TryGetValue(part, out var next) || next is not GoMap m)
                return null;
            table = m;
        }

        return table;
    }

    /// <summary><c>Values.PathValue</c>: the non-table value at a dotted path.</summary>
    public static bool TryPathValue(GoMap root, string path, out object? value)
    {
        value = null;
        if (path.Length == 0)
            return false;
        var parts = path.Split('.');
        var table = parts.Length == 1 ? root : Table(root, string.Join('.', parts[..^1]));
        if (table is null || !table.TryGetValue(parts[^1], out var v) || v is GoMap)
            return false;
        value = v;
        return true;
    }

    /// <summary>Helm's <c>mergeMaps</c> for <c>--values</c> files: later files replace earlier values, maps merge key by key.</summary>
    public static GoMap MergeMaps(GoMap a, GoMap b)
    {
        var output = new GoMap(GoMap.ValuesType);
        foreach (var (k, v) in a)
            output.Set(k, v, a.OriginOf(k));
        foreach (var (k, v) in b)
        {
            if (v is GoMap bm && output.TryGetValue(k, out var existing) && existing is GoMap am)
            {
                var merged = MergeMaps(am, bm);
                merged.GoTypeName = GoMap.InterfaceMapType;
                output.Set(k, merged, b.OriginOf(k));
                continue;
            }

            output.Set(k, v, b.OriginOf(k));
        }

        return output;
    }
}
