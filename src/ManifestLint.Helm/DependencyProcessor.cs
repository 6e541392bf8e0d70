using System.Collections.Immutable;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>Helm's dependency processing: aliases, tags and conditions (disabled subcharts dropped), then import-values.</summary>
internal static class DependencyProcessor
{
    /// <summary>The names of declared dependencies that charts/ does not hold (Helm checks the top chart only).</summary>
    public static IReadOnlyList<string> Missing(HelmChart chart) =>
        [.. chart.Dependencies.Where(d => !chart.Subcharts.Any(s => s.Name == d.Name)).Select(d => d.Name)];

    public static HelmChart Process(HelmChart chart, GoMap userValues)
    {
        var enabled = ProcessEnabled(chart, userValues, string.Empty, new SemverRange());
        return ProcessImports(enabled);
    }

    private static HelmChart ProcessEnabled(HelmChart c, GoMap v, string path, SemverRange semver)
    {
        if (c.Dependencies.IsDefaultOrEmpty)
            return c;
        var subcharts = new List<HelmChart>();
        foreach (var existing in c.Subcharts)
        {
            if (!c.Dependencies.Any(d => d.Name == existing.Name && semver.IsCompatible(d.Version, existing.Metadata.Version)))
                subcharts.Add(existing);
        }

        foreach (var req in c.Dependencies)
        {
            var match = c.Subcharts.FirstOrDefault(s => s.Name == req.Name && semver.IsCompatible(req.Version, s.Metadata.Version));
            if (match is null)
                continue;
            subcharts.Add(req.Alias.Length > 0 ? Rename(match, req.Alias) : match);
        }

        var withSubcharts = c with { Subcharts = [.. subcharts] };
        var cvals = ValuesCoalescer.CoalesceValues(withSubcharts, v);
        var enabled = c.Dependencies.Select(_ => true).ToArray();
        ApplyTags(c.Dependencies, enabled, cvals);
        ApplyConditions(c.Dependencies, enabled, cvals, path);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < enabled.Length; i++)
        {
            if (!enabled[i])
                removed.Add(c.Dependencies[i].EffectiveName);
        }

        var kept = subcharts.Where(s => !removed.Contains(s.Name)).ToList();
        var keptDeps = c.Dependencies.Where(d => !removed.Contains(d.EffectiveName)).ToImmutableArray();
        var processed = kept.Select(t => ProcessEnabled(t, cvals, path + t.Name + ".", semver)).ToImmutableArray();
        return c with { Subcharts = processed, Dependencies = keptDeps };
    }

    private static HelmChart Rename(HelmChart chart, string alias)
    {
        var md = chart.Metadata;
        var renamed = new ChartMetadata
        {
            Name = alias,
            Home = md.Home,
            Sources = md.Sources,
            Version = md.Version,
            Description = md.Description,
            Keywords = md.Keywords,
            Icon = md.Icon,
            ApiVersion = md.ApiVersion,
            Condition = md.Condition,
            Tags = md.Tags,
            AppVersion = md.AppVersion,
            Deprecated = md.Deprecated,
            Annotations = md.Annotations,
            KubeVersion = md.KubeVersion,
            Type = md.Type,
        };
        return chart with { Metadata = renamed };
    }

    private static void ApplyTags(ImmutableArray<ChartDependency> deps, bool[] enabled, GoMap cvals)
    {
        if (!cvals.TryGetValue("tags", out var t) || t is not GoMap tags)
            return;
        for (var i = 0; i < deps.Length; i++)
        {
            bool hasTrue = false, hasFalse = false;
            foreach (var tag in deps[i].Tags)
            {
                if (tags.TryGetValue(tag, out var b) && b is bool flag)
                {
                    if (flag)
                        hasTrue = true;
                    else
                        hasFalse = true;
                }
            }

            if (!hasTrue && hasFalse)
                enabled[i] = false;
            else
                enabled[i] = true;
        }
    }

    private static void ApplyConditions(ImmutableArray<ChartDependency> deps, bool[] enabled, GoMap cvals, string path)
    {
        for (var i = 0; i < deps.Length; i++)
        {
            foreach (var raw in deps[i].Condition.Trim().Split(','))
            {
                if (raw.Length == 0)
                    continue;
                if (ValuesCoalescer.TryPathValue(cvals, path + raw, out var value) && value is bool flag)
                {
                    enabled[i] = flag;
                    break;
                }
            }
        }
    }

    private static HelmChart ProcessImports(HelmChart c)
    {
        var subs = c.Subcharts.Select(ProcessImports).ToImmutableArray();
        c = c with { Subcharts = subs };
        if (c.Dependencies.IsDefaultOrEmpty)
            return c;
        var cvals = ValuesCoalescer.MergeValues(c, null);
        var imported = new GoMap();
        foreach (var dep in c.Dependencies)
        {
            foreach (var entry in dep.ImportValues)
            {
                switch (entry)
                {
                    case GoMap m when m.TryGetValue("child", out var ch) && ch is string child && m.TryGetValue("parent", out var pa) && pa is string parent:
                        {
                            var table = ValuesCoalescer.Table(cvals, dep.EffectiveName + "." + child);
                            if (table is null)
                                continue;
                            imported = ValuesCoalescer.MergeTables(imported, PathToMap(parent, ValuesCoalescer.CopyMap(table)));
                            break;
                        }

                    case string name:
                        {
                            var table = ValuesCoalescer.Table(cvals, dep.EffectiveName + ".exports." + name);
                            if (table is null)
                                continue;
                            imported = ValuesCoalescer.MergeTables(imported, ValuesCoalescer.CopyMap(table));
                            break;
                        }
                }
            }
        }

        var values = ValuesCoalescer.MergeTables(ValuesCoalescer.CopyMap(cvals), imported);
        values.GoTypeName = GoMap.ValuesType;
        return c with { Values = values };
    }

    private static GoMap PathToMap(string path, GoMap data)
    {
        if (path == ".")
            return data;
        var current = data;
        var parts = path.Split('.');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var wrapper = new GoMap();
            wrapper.Set(parts[i], current, current.Origin);
            current = wrapper;
        }

        return current;
    }
}
