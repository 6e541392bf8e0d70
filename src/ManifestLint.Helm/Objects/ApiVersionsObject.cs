using System.Collections.Immutable;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary><c>.Capabilities.APIVersions</c> (chartutil.VersionSet) with its <c>Has</c> method.</summary>
internal sealed class ApiVersionsObject(ImmutableArray<string> versions) : IGoObject, IGoJsonValue
{
    public string GoTypeName => "chartutil.VersionSet";

    public bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = name == "Has"
            ? new TemplateFunction("Has", [GoType.String], null, GoType.Bool, false, call => versions.Contains(call[0]?.ToString() ?? string.Empty, StringComparer.Ordinal))
            : null;
        return method is not null;
    }

    public string FormatGo() => "[" + string.Join(' ', versions) + "]";

    public object? ToJsonValue() => new GoList(versions.Cast<object?>(), GoList.StringSliceType);
}
