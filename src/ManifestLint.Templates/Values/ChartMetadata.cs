using System.Collections.Immutable;
using System.Text;
using ManifestLint.Templates.Functions;

namespace ManifestLint.Templates.Values;

/// <summary>
/// Helm's <c>*chart.Metadata</c> (the <c>.Chart</c> object): fields by their Go names, printed as Go prints the
/// struct, with <see cref="ToJsonMap"/> giving the JSON form <c>toYaml</c>/<c>toJson</c> use (empty fields omitted).
/// The slice fields <see cref="Sources"/> and <see cref="Keywords"/> keep Go's difference between a nil slice (the
/// field was not given: a default <see cref="ImmutableArray{T}"/>, the initial value) and an empty one (given as
/// <c>[]</c>); <c>Maintainers</c> and <c>Dependencies</c> are not modelled and always read as nil slices.
/// </summary>
public sealed class ChartMetadata : IGoObject
{
    public string Name { get; init; } = string.Empty;

    public string Home { get; init; } = string.Empty;

    /// <summary>Chart.yaml's <c>sources</c>; default (not <c>[]</c>) when absent, which reads as a nil <c>[]string</c>.</summary>
    public ImmutableArray<string> Sources { get; init; }

    public string Version { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>Chart.yaml's <c>keywords</c>; default (not <c>[]</c>) when absent, which reads as a nil <c>[]string</c>.</summary>
    public ImmutableArray<string> Keywords { get; init; }

    public string Icon { get; init; } = string.Empty;

    public string ApiVersion { get; init; } = string.Empty;

    public string Condition { get; init; } = string.Empty;

    public string Tags { get; init; } = string.Empty;

    public string AppVersion { get; init; } = string.Empty;

    public bool Deprecated { get; init; }

    /// <summary>Chart.yaml's <c>annotations</c>; null when absent, which reads as a nil <c>map[string]string</c>.</summary>
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }

    public string KubeVersion { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string GoTypeName => "*chart.Metadata";

    public bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "Name" => Name,
            "Home" => Home,
            "Sources" => StringSlice(Sources),
            "Version" => Version,
            "Description" => Description,
            "Keywords" => StringSlice(Keywords),
            "Maintainers" => GoList.Nil("[]*chart.Maintainer"),
            "Icon" => Icon,
            "APIVersion" => ApiVersion,
            "Condition" => Condition,
            "Tags" => Tags,
            "AppVersion" => AppVersion,
            "Deprecated" => Deprecated,
            "Annotations" => AnnotationsMap(),
            "KubeVersion" => KubeVersion,
            "Dependencies" => GoList.Nil("[]*chart.Dependency"),
            "Type" => Type,
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = null;
        return false;
    }

    public string FormatGo()
    {
        var sb = new StringBuilder("&{");
        sb.Append(Name).Append(' ').Append(Home).Append(' ');
        sb.Append(GoFormat.FormatValue(StringSlice(Sources))).Append(' ');
        sb.Append(Version).Append(' ').Append(Description).Append(' ');
        sb.Append(GoFormat.FormatValue(StringSlice(Keywords))).Append(' ');
        sb.Append("[] ");
        sb.Append(Icon).Append(' ').Append(ApiVersion).Append(' ').Append(Condition).Append(' ').Append(Tags).Append(' ');
        sb.Append(AppVersion).Append(' ').Append(Deprecated ? "true" : "false").Append(' ');
        sb.Append(GoFormat.FormatValue(AnnotationsMap())).Append(' ');
        sb.Append(KubeVersion).Append(" [] ").Append(Type).Append('}');
        return sb.ToString();
    }

    /// <summary>The struct as Go's encoding/json writes it (JSON names, <c>omitempty</c> fields left out), in field order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> ToJsonFields()
    {
        var list = new List<KeyValuePair<string, object?>>();
        void Add(string key, string value)
        {
            if (value.Length > 0)
                list.Add(new(key, value));
        }

        Add("name", Name);
        Add("home", Home);
        if (!Sources.IsDefaultOrEmpty)
            list.Add(new("sources", StringSlice(Sources)));
        Add("version", Version);
        Add("description", Description);
        if (!Keywords.IsDefaultOrEmpty)
            list.Add(new("keywords", StringSlice(Keywords)));
        Add("icon", Icon);
        Add("apiVersion", ApiVersion);
        Add("condition", Condition);
        Add("tags", Tags);
        Add("appVersion", AppVersion);
        if (Deprecated)
            list.Add(new("deprecated", true));
        if (Annotations is { IsEmpty: false })
            list.Add(new("annotations", AnnotationsMap()));
        Add("kubeVersion", KubeVersion);
        Add("type", Type);
        return list;
    }

    /// <summary>The JSON form as a map (what <c>toYaml</c> sorts and writes).</summary>
    public GoMap ToJsonMap() => new(ToJsonFields(), GoMap.InterfaceMapType);

    /// <summary>The field as Go's <c>[]string</c>: nil when it was never given.</summary>
    private static GoList StringSlice(ImmutableArray<string> items) =>
        items.IsDefault ? GoList.Nil(GoList.StringSliceType) : new GoList(items.Cast<object?>(), GoList.StringSliceType);

    private GoMap AnnotationsMap()
    {
        if (Annotations is null)
            return GoMap.Nil(GoMap.StringMapType);
        var map = new GoMap(GoMap.StringMapType);
        foreach (var (k, v) in Annotations)
            map[k] = v;
        return map;
    }
}
