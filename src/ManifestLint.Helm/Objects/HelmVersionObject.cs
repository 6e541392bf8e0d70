using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary><c>.Capabilities.HelmVersion</c>: Helm's build info (Helm 4 adds <c>KubeClientVersion</c>).</summary>
internal sealed class HelmVersionObject(string version, string gitCommit = "", string gitTreeState = "", string goVersion = "go1.24.0", string? kubeClientVersion = null) : IGoObject, IGoJsonValue
{
    /// <summary>Helm 4's build info, as the v4.1.4 release binary reports it.</summary>
    public static HelmVersionObject Helm4(string version) =>
        new(version, "05fa37973dc9e42b76e1d2883494c87174b6074f", "clean", "go1.25.9", "v1.35");

    public string GoTypeName => "version.BuildInfo";

    public bool PreserveOrder => true;

    public bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "Version" => version,
            "GitCommit" => gitCommit,
            "GitTreeState" => gitTreeState,
            "GoVersion" => goVersion,
            "KubeClientVersion" => kubeClientVersion,
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = null;
        return false;
    }

    public string FormatGo() =>
        "{" + version + " " + gitCommit + " " + gitTreeState + " " + goVersion + (kubeClientVersion is null ? string.Empty : " " + kubeClientVersion) + "}";

    public object? ToJsonValue()
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("version", version),
            new("git_commit", gitCommit),
            new("git_tree_state", gitTreeState),
            new("go_version", goVersion),
        };
        if (kubeClientVersion is not null)
            fields.Add(new("kube_client_version", kubeClientVersion));
        return new GoMap(fields);
    }
}
