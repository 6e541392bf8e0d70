using System.Collections.Immutable;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary>
/// Helm 4's <c>.Chart</c>: not a struct but a <c>map[string]interface {}</c> built by reflection from the chart's
/// metadata, one key per Go field name (<c>Name</c>, <c>APIVersion</c>, ...) plus <c>IsRoot</c>. Slices become
/// <c>[]interface {}</c> (never nil, so an absent list reads as <c>[]</c>), nested structs become maps, and
/// <c>Annotations</c> stays a <c>map[string]string</c> (nil when absent). So <c>index .Chart "Name"</c> works,
/// <c>.Chart.name</c> is empty rather than an error, and <c>toYaml .Chart</c> writes the Go field names.
/// </summary>
internal static class Helm4ChartMap
{
    public static GoMap Create(HelmChart chart, bool isRoot, IReadOnlyCollection<string> enabledSubcharts)
    {
        var md = chart.Metadata;
        var map = new GoMap(GoMap.InterfaceMapType);
        map.Set("Name", md.Name);
        map.Set("Home", md.Home);
        map.Set("Sources", Slice(md.Sources));
        map.Set("Version", md.Version);
        map.Set("Description", md.Description);
        map.Set("Keywords", Slice(md.Keywords));
        map.Set("Maintainers", new GoList(chart.Maintainers.Select(m => (object?)new GoMap([new("Name", m.Name), new("Email", m.Email), new("URL", m.Url)])), GoList.InterfaceSliceType));
        map.Set("Icon", md.Icon);
        map.Set("APIVersion", md.ApiVersion);
        map.Set("Condition", md.Condition);
        map.Set("Tags", md.Tags);
        map.Set("AppVersion", md.AppVersion);
        map.Set("Deprecated", md.Deprecated);
        md.TryGetField("Annotations", out var annotations);
        map.Set("Annotations", annotations);
        map.Set("KubeVersion", md.KubeVersion);
        map.Set("Dependencies", new GoList(chart.Dependencies.Select(d => (object?)Dependency(d, enabledSubcharts)), GoList.InterfaceSliceType));
        map.Set("Type", md.Type);
        map.Set("IsRoot", isRoot);
        return map;
    }

    private static GoList Slice(ImmutableArray<string> items) =>
        new(items.IsDefault ? [] : items.Cast<object?>(), GoList.InterfaceSliceType);

    private static GoMap Dependency(ChartDependency d, IReadOnlyCollection<string> enabledSubcharts)
    {
        var map = new GoMap(GoMap.InterfaceMapType);
        map.Set("Name", d.Name);
        map.Set("Version", d.Version);
        map.Set("Repository", d.Repository);
        map.Set("Condition", d.Condition);
        map.Set("Tags", Slice(d.Tags));
        map.Set("Enabled", enabledSubcharts.Contains(d.EffectiveName));
        map.Set("ImportValues", new GoList(d.ImportValues.IsDefault ? [] : d.ImportValues.Select(ValuesCoalescer.Copy), GoList.InterfaceSliceType));
        map.Set("Alias", d.Alias);
        return map;
    }
}
