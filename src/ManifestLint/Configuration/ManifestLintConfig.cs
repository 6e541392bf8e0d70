using System.Collections.Immutable;
using ManifestLint.Cli;

namespace ManifestLint.Configuration;

/// <summary>
/// A parsed and validated <c>.manifestlint.yaml</c>. Command-line options take precedence over every
/// member; include and exclude globs are added to the command line's.
/// </summary>
/// <param name="Path">The file as named in messages (relative to the working directory where possible); null for no file.</param>
/// <param name="Directory">The absolute folder of the file; its globs are relative to it.</param>
/// <param name="Rules">Per-rule settings by id.</param>
/// <param name="Include">Globs a file must match.</param>
/// <param name="Exclude">Globs of files to skip.</param>
/// <param name="Namespace">Namespace for resources that set none.</param>
/// <param name="Complete">The input is everything deployed.</param>
/// <param name="FailOn">The lowest severity that fails the run.</param>
public sealed record ManifestLintConfig(
    string? Path,
    string? Directory,
    ImmutableSortedDictionary<string, RuleConfig> Rules,
    ImmutableArray<string> Include,
    ImmutableArray<string> Exclude,
    string? Namespace,
    bool? Complete,
    FailOn? FailOn)
{
    /// <summary>Render settings per chart (values files, --set, release name, namespace).</summary>
    public ImmutableArray<ChartConfig> Charts { get; init; } = [];

    /// <summary>Files or folders of admission policies and bindings (relative to the configuration's folder).</summary>
    public ImmutableArray<string> Policies { get; init; } = [];
    /// <summary>Files or folders of CustomResourceDefinitions (absolute) whose custom resources are validated.</summary>
    public ImmutableArray<string> Crds { get; init; } = [];
    /// <summary>Pod template paths of other kinds (<c>podTemplates:</c>): <c>Kind</c> or <c>group/Kind</c> to a dotted path.</summary>
    public ImmutableSortedDictionary<string, string> PodTemplates { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
    /// <summary><c>kustomize.roots</c>: globs of the Kustomize root folders to lint (empty: every root no other root uses).</summary>
    public ImmutableArray<string> KustomizeRoots { get; init; } = [];

    /// <summary>The default file name, looked for in the scanned folder and then at the repository root.</summary>
    public const string FileName = ".manifestlint.yaml";

    public static ManifestLintConfig Empty { get; } =
        new(null, null, ImmutableSortedDictionary<string, RuleConfig>.Empty.WithComparers(StringComparer.Ordinal), [], [], null, null, null);
}
