using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Objects;

/// <summary><c>.Capabilities.KubeVersion</c>: Version, Major, Minor (and the deprecated GitVersion); prints as its version.</summary>
internal class KubeVersionObject(string version, string major, string minor) : IGoObject, IGoJsonValue
{
    public string Version => version;

    public string Major => major;

    public string Minor => minor;

    /// <summary>What <c>String()</c> returns, and what a chart's <c>kubeVersion</c> range is checked against.</summary>
    public virtual string Normalized => version;

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
            "String" => new TemplateFunction(name, [], null, GoType.String, false, _ => Normalized),
            "GitVersion" => new TemplateFunction(name, [], null, GoType.String, false, _ => version),
            _ => null,
        };
        return method is not null;
    }

    public virtual string FormatGo() => version;

    public virtual object? ToJsonValue() => new GoMap([new("version", version), new("major", major), new("minor", minor)]);
}

/// <summary>
/// Helm 4's KubeVersion: it also keeps the version normalized for constraint checks (suffixes such as <c>-gke.1</c>
/// dropped), which <c>String()</c> returns and a printed field shows; a copy prints as the struct
/// <c>{Version normalized Major Minor}</c> and marshals to JSON with its Go field names.
/// </summary>
internal sealed class Helm4KubeVersionObject(string version, string normalized, string major, string minor)
    : KubeVersionObject(version, major, minor), IGoAddressableStringer
{
    public override string Normalized => normalized;

    public string AddressableString() => normalized;

    public override string FormatGo() => "{" + Version + " " + normalized + " " + Major + " " + Minor + "}";

    public override object? ToJsonValue() => new GoMap([new("Version", Version), new("Major", Major), new("Minor", Minor)]);
}
