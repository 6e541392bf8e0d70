using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary>Helm's <c>.Chart</c>: the chart metadata struct embedded in an anonymous struct that adds <c>IsRoot</c>.</summary>
internal sealed class ChartObject(ChartMetadata metadata, bool isRoot) : IGoObject, IGoJsonValue
{
    public string GoTypeName => "struct { chart.Metadata; IsRoot bool }";

    public bool PreserveOrder => true;

    public bool TryGetField(string name, out object? value)
    {
        if (name == "IsRoot")
        {
            value = isRoot;
            return true;
        }

        if (name == "Metadata")
        {
            value = metadata;
            return true;
        }

        return metadata.TryGetField(name, out value);
    }

    public bool TryGetMethod(string name, out TemplateFunction? method) => metadata.TryGetMethod(name, out method);

    public string FormatGo()
    {
        var inner = metadata.FormatGo();
        return "{" + inner[2..^1] + " " + (isRoot ? "true" : "false") + "}";
    }

    public object? ToJsonValue()
    {
        var map = new GoMap(metadata.ToJsonFields());
        map.Set("IsRoot", isRoot);
        return map;
    }
}
