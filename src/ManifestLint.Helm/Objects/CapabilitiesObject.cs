using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary><c>.Capabilities</c>: KubeVersion, APIVersions, HelmVersion.</summary>
internal sealed class CapabilitiesObject(KubeVersionObject kube, ApiVersionsObject apis, HelmVersionObject helm, bool helm4 = false) : IGoObject
{
    // Helm 4 moved the type to package common.
    public string GoTypeName => helm4 ? "*common.Capabilities" : "*chartutil.Capabilities";

    public bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "KubeVersion" => kube,
            "APIVersions" => apis,
            "HelmVersion" => helm,
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = null;
        return false;
    }

    public string FormatGo() => "&{" + kube.FormatGo() + " " + apis.FormatGo() + " " + helm.FormatGo() + "}";
}
