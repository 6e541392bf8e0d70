using System.Collections.Immutable;
using ManifestLint.Core.Rules;

namespace ManifestLint.Linting;

/// <summary>
/// One lint run, fully resolved: the CLI turns options, environment and configuration into this record
/// and nothing downstream reads argv, the environment or the console.
/// </summary>
/// <param name="Paths">Files or folders to lint (absolute or relative to the working directory).</param>
/// <param name="RepositoryRoot">Absolute path that reported paths are relative to (git top level, else the working directory).</param>
/// <param name="Include">Glob patterns a file must match (relative to the scan root); empty means all manifest files.</param>
/// <param name="Exclude">Glob patterns of files to skip (from the CLI, the config file and .manifestlintignore).</param>
/// <param name="Namespace">Namespace assumed for namespaced resources that set none.</param>
/// <param name="Rules">The rules to run, each with its options.</param>
/// <param name="SeverityOverrides">Severity per rule id from configuration.</param>
/// <param name="Complete">The input is everything deployed (absence-of-protection rules fire everywhere).</param>
/// <param name="MaxParallelism">Threads for parsing and rules; -1 for all cores.</param>
public sealed record LintRequest(
    ImmutableArray<string> Paths,
    string RepositoryRoot,
    ImmutableArray<string> Include,
    ImmutableArray<string> Exclude,
    string Namespace,
    ImmutableArray<(Rule Rule, object? Options)> Rules,
    ImmutableDictionary<string, Severity> SeverityOverrides,
    bool Complete = false,
    int MaxParallelism = -1)
{
    /// <summary>Report only findings located in these repository-relative files (pre-commit); empty reports everything.</summary>
    public ImmutableArray<string> ReportOnly { get; init; } = [];

    /// <summary>How charts are rendered (values files, --set, release name, Kubernetes version); the namespace comes from <see cref="Namespace"/>.</summary>
    public Helm.RenderOptions Helm { get; init; } = new();

    /// <summary>Render settings for particular charts (by repository-relative folder), applied on top of <see cref="Helm"/>.</summary>
    public ImmutableDictionary<string, Helm.RenderOptions> ChartOverrides { get; init; } = ImmutableDictionary<string, Helm.RenderOptions>.Empty;

    /// <summary>Lint each chart once per <c>ci/*-values.yaml</c> file (chart-testing's convention), naming the scenario in findings.</summary>
    public bool ChartValuesScenarios { get; init; }

    /// <summary>
    /// Keep each file's text in the report for code frames (the text format). Off for machine-readable formats, whose
    /// reporters never read it: the texts are then garbage as soon as their file is parsed.
    /// </summary>
    public bool KeepSources { get; init; } = true;
    /// <summary>Globs (repository-relative) of the Kustomize root folders to lint; empty: every root no other root uses.</summary>
    public ImmutableArray<string> KustomizeRoots { get; init; } = [];

    /// <summary>Pod Security level assumed for namespaces not in the input (null: none).</summary>
    public string? PodSecurityLevel { get; init; }

    /// <summary>Absolute paths of files or folders of admission policies and bindings, read as policy sources only (not linted).</summary>
    public ImmutableArray<string> Policies { get; init; } = [];

    /// <summary>Apply admission policies without a binding to everything they match.</summary>
    public bool PolicyUnbound { get; init; }
    /// <summary>Absolute paths of files or folders of CustomResourceDefinitions (<c>--crd</c>, <c>crds:</c>) that validate custom resources but are not linted.</summary>
    public ImmutableArray<string> Crds { get; init; } = [];
    /// <summary>Pod template paths of other kinds, from the configuration's <c>podTemplates:</c>.</summary>
    public ImmutableSortedDictionary<string, string> PodTemplatePaths { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
