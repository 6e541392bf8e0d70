using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary><c>.Capabilities.KubeVersion</c>: Version, Major, Minor (and the deprecated GitVersion); prints as its version.</summary>
internal sealed class KubeVersionObject(string version, string major, string minor) : IGoObject, IGoJsonValue
{
    public string Version => version;

    public string GoTypeName => "*chartutil.KubeVersion";

    public bool PreserveOrder => true;

    public bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "Version" => version,
            "Major" => major,
            "Minor" => minor,
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = name switch
        {
            "String" or "GitVersion" => new TemplateFunction(name, [], null, GoType.String, false, _ => version),
            _ => null,
        };
        return method is not null;
    }

    public string FormatGo() => version;

    public object? ToJsonValue() => new GoMap([new("version", version), new("major", major), new("minor", minor)]);
}
