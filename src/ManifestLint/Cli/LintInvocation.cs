using System.Collections.Immutable;

namespace ManifestLint.Cli;

/// <summary>
/// The <c>lint</c> command line as typed, before configuration is merged in. Null members were not
/// given, so the configuration file or the default applies.
/// </summary>
public sealed record LintInvocation(
    ImmutableArray<string> Paths,
    OutputFormat Format,
    string? OutputPath,
    FailOn? FailOn,
    string? Namespace,
    string? ConfigPath,
    ImmutableArray<string> Include,
    ImmutableArray<string> Exclude,
    ImmutableArray<string> Enable,
    ImmutableArray<string> Disable,
    bool Quiet,
    bool Complete,
    bool NoColor,
    bool ShowSuppressed,
    string? SarifCategory)
{
    /// <summary>Files (as given) whose findings are reported; empty reports everything.</summary>
    public ImmutableArray<string> ReportOnly { get; init; } = [];

    /// <summary>Baseline file to compare with: only findings not in it count.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Write the current findings as a baseline file and exit.</summary>
    public string? WriteBaselinePath { get; init; }

    /// <summary>Pod Security level assumed for namespaces whose Namespace object is not in the input.</summary>
    public string? PodSecurityLevel { get; init; }

    /// <summary>Helm values files for every chart.</summary>
    public ImmutableArray<string> HelmValuesFiles { get; init; } = [];

    /// <summary>Helm <c>--set</c> expressions for every chart.</summary>
    public ImmutableArray<string> HelmSet { get; init; } = [];

    /// <summary>Helm <c>--set-string</c> expressions for every chart.</summary>
    public ImmutableArray<string> HelmSetString { get; init; } = [];

    /// <summary>Globs of the Kustomize roots to lint (<c>--kustomize-roots</c>).</summary>
    public ImmutableArray<string> KustomizeRoots { get; init; } = [];

    /// <summary>Lint each chart once per ci/*-values.yaml file.</summary>
    public bool ChartValuesScenarios { get; init; }

    /// <summary>Files or folders of admission policies and bindings (<c>--policy</c>), as given.</summary>
    public ImmutableArray<string> Policies { get; init; } = [];

    /// <summary>Apply unbound admission policies to everything (<c>--policy-unbound</c>).</summary>
    public bool PolicyUnbound { get; init; }

    /// <summary>API versions added to every chart's <c>.Capabilities.APIVersions</c>.</summary>
    public ImmutableArray<string> HelmApiVersions { get; init; } = [];

    /// <summary>Kubernetes version the input is checked against and charts are rendered for.</summary>
    public string? KubeVersion { get; init; }

    /// <summary><c>--crd</c>: files or folders of CustomResourceDefinitions (as given).</summary>
    public ImmutableArray<string> Crds { get; init; } = [];

    /// <summary>Helm release line (<c>--helm-version</c> 3, 4/4.1 or 4.2) whose rendering is reproduced; null for the configuration's or the default.</summary>
    public Helm.HelmLine? HelmLine { get; init; }
}
