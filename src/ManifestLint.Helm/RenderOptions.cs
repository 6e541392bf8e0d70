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

    /// <summary>Helm's release line whose rendering is reproduced: <see cref="HelmLine.V3"/> by default. See <see cref="ForHelmLine"/>.</summary>
    public HelmLine HelmLine { get; init; } = HelmLine.V3;

    /// <summary>Helm's major version: 3 or 4.</summary>
    public int HelmMajor => HelmLine == HelmLine.V3 ? 3 : 4;

    /// <summary>True when rendering as Helm 4 (any minor) does.</summary>
    public bool IsHelm4 => HelmLine != HelmLine.V3;

    /// <summary>
    /// Helm 4.2 and later (helm/helm's main branch): SplitManifests trims documents on the left only, so each keeps its
    /// trailing blank lines before the next <c>---</c>. Helm 3 and v4.1.x trim both ends.
    /// </summary>
    public bool KeepsTrailingBlankLines => HelmLine == HelmLine.V4_2;

    /// <summary>
    /// Helm 4.2 and later (helm/helm#32530): a <c>null</c> in a chart's own values.yaml is dropped when the defaults are
    /// coalesced, so it neither shows in <c>.Values</c> nor erases a subchart's default. Helm 3 and v4.1.x keep it.
    /// </summary>
    public bool DropsNullDefaults => HelmLine == HelmLine.V4_2;

    /// <summary>Helm 3 release reproduced by default.</summary>
    public const string Helm3Version = "v3.21.4";

    /// <summary>
    /// Helm 4 release whose version object Helm 4 modes report, 4.2 included: no 4.2 is released, and Helm's golden files
    /// only show the test build's ldflags in <c>helm version</c>, never <c>.Capabilities.HelmVersion</c>.
    /// </summary>
    public const string Helm4Version = "v4.1.4";

    /// <summary>The <c>--helm-version</c> values accepted, for messages.</summary>
    public const string AcceptedHelmVersions = "3, 4, 4.1 or 4.2";

    /// <summary>These options for Helm release <paramref name="line"/>: its rendering rules and its version in <c>.Capabilities.HelmVersion</c>.</summary>
    public RenderOptions ForHelmLine(HelmLine line)
    {
        if (!Enum.IsDefined(line))
            throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown Helm release line");
        return this with { HelmLine = line, HelmVersion = line == HelmLine.V3 ? Helm3Version : Helm4Version };
    }

    /// <summary>
    /// Reads a <c>--helm-version</c> value: <c>3</c>, <c>4</c> or <c>4.1</c> (the released v4.1 line) or <c>4.2</c>
    /// (Helm's main branch), with or without a leading v; null for anything else.
    /// </summary>
    public static HelmLine? ParseHelmLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith('v') || t.StartsWith('V'))
            t = t[1..];
        return t switch
        {
            "3" => HelmLine.V3,
            "4" or "4.1" => HelmLine.V4_1,
            "4.2" => HelmLine.V4_2,
            _ => null,
        };
    }

    /// <summary>Wall-clock budget of each template execution.</summary>
    public TimeSpan? TemplateTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
