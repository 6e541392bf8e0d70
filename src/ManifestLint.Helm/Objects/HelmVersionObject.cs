using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary><c>.Capabilities.HelmVersion</c>: Helm's build info.</summary>
internal sealed class HelmVersionObject(string version) : IGoObject
{
    private const string GoVersion = "go1.24.0";

    public string GoTypeName => "version.BuildInfo";

    public bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "Version" => version,
            "GitCommit" => string.Empty,
            "GitTreeState" => string.Empty,
            "GoVersion" => GoVersion,
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = null;
        return false;
    }

    public string FormatGo() => "{" + version + "   " + GoVersion + "}";
}
