using System.Collections.Immutable;

namespace ManifestLint.Helm;

/// <summary>What <c>helm template</c> takes on its command line, with the released binary's defaults.</summary>
public sealed record RenderOptions
{
    /// <summary>Kubernetes version of Helm 3.21's default capabilities as released.</summary>
    public const string DefaultKubeVersion = "v1.36.0";

    public string ReleaseName { get; init; } = "release-name";

    /// <summary><c>--name-template</c>: a template (Sprig functions) whose output becomes the release name.</summary>
    public string? NameTemplate { get; init; }

    public string Namespace { get; init; } = "default";

    /// <summary><c>--kube-version</c> (with or without the leading v).</summary>
    public string KubeVersion { get; init; } = DefaultKubeVersion;

    /// <summary>The base API-version set; null for <see cref="HelmDefaults.ApiVersions"/>.</summary>
    public ImmutableArray<string>? BaseApiVersions { get; init; }

    /// <summary><c>--api-versions</c>: added to the base set.</summary>
    public ImmutableArray<string> ApiVersions { get; init; } = [];

    /// <summary><c>-f/--values</c>, in order.</summary>
    public ImmutableArray<ValuesFile> ValuesFiles { get; init; } = [];

    /// <summary><c>--set-json</c> (<c>path=JSON</c>), in order; applied before <c>--set</c> as Helm does.</summary>
    public ImmutableArray<string> SetJsonValues { get; init; } = [];

    /// <summary><c>--set-file</c> (<c>path=FILE</c>), in order; applied after <c>--set-string</c>. FILE is read relative to the working directory.</summary>
    public ImmutableArray<string> SetFileValues { get; init; } = [];

    /// <summary><c>--set</c>, in order.</summary>
    public ImmutableArray<string> SetValues { get; init; } = [];

    /// <summary><c>--set-string</c>, in order.</summary>
    public ImmutableArray<string> SetStringValues { get; init; } = [];

    public bool IncludeCrds { get; init; }

    public bool SkipTests { get; init; }

    /// <summary>Drops hooks from the output (<c>--no-hooks</c>).</summary>
    public bool DisableHooks { get; init; }

    /// <summary><c>--show-only</c> globs over <c>templates/...</c> paths.</summary>
    public ImmutableArray<string> ShowOnly { get; init; } = [];

    /// <summary><c>--debug</c>: on a YAML error, print the rendered files before the error.</summary>
    public bool Debug { get; init; }

    /// <summary><c>--hide-secret</c> (with <c>--dry-run</c>): v1 Secrets print as a placeholder.</summary>
    public bool HideSecret { get; init; }

    /// <summary><c>--skip-schema-validation</c>.</summary>
    public bool SkipSchemaValidation { get; init; }

    public bool IsUpgrade { get; init; }

    public long Revision { get; init; } = 1;

    /// <summary>The Helm version <c>.Capabilities.HelmVersion.Version</c> reports.</summary>
    public string HelmVersion { get; init; } = Helm3Version;

    /// <summary>Helm's release line whose rendering is reproduced: 3 (the default) or 4. See <see cref="ForHelmMajor"/>.</summary>
    public int HelmMajor { get; init; } = 3;

    /// <summary>True when rendering as Helm 4 does.</summary>
    public bool IsHelm4 => HelmMajor == 4;

    /// <summary>Helm 3 release reproduced by default.</summary>
    public const string Helm3Version = "v3.21.4";

    /// <summary>Helm 4 release whose version object Helm 4 mode reports.</summary>
    public const string Helm4Version = "v4.1.4";

    /// <summary>These options for Helm <paramref name="major"/> (3 or 4): its rendering rules and its version in <c>.Capabilities.HelmVersion</c>.</summary>
    public RenderOptions ForHelmMajor(int major)
    {
        if (major is not (3 or 4))
            throw new ArgumentOutOfRangeException(nameof(major), major, "Helm version must be 3 or 4");
        return this with { HelmMajor = major, HelmVersion = major == 4 ? Helm4Version : Helm3Version };
    }

    /// <summary>Reads a <c>--helm-version</c> value: 3 or 4 (a leading v and a minor version such as 4.1 are accepted); null if not one of them.</summary>
    public static int? ParseHelmMajor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith('v') || t.StartsWith('V'))
            t = t[1..];
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        var major = dot < 0 ? t : t[..dot];
        return major switch
        {
            "3" => 3,
            "4" => 4,
            _ => null,
        };
    }

    /// <summary>Wall-clock budget of each template execution.</summary>
    public TimeSpan? TemplateTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
