using System.Collections.Immutable;

namespace ManifestLint.Core.Graph;

/// <summary>Facts about the run that graph-aware rules need.</summary>
/// <param name="Complete">The user says the input holds everything deployed (so absence of a protective object is a finding everywhere).</param>
public sealed record GraphOptions(bool Complete = false)
{
    public static GraphOptions Default { get; } = new();

    /// <summary>
    /// Pod Security level (<c>privileged</c>, <c>baseline</c>, <c>restricted</c>) assumed for namespaces whose
    /// Namespace object is not in the input; null makes no assumption.
    /// </summary>
    public string? AssumedPodSecurityLevel { get; init; }

    /// <summary>Kubernetes version the input is checked against (<c>--kube-version</c>, e.g. <c>v1.30.0</c>); null for the newest known.</summary>
    public string? KubeVersion { get; init; }

    /// <summary>
    /// CustomResourceDefinitions that are not part of the linted input (<c>--crd</c>, <c>crds:</c> in the configuration,
    /// a chart's <c>crds/</c> folder): their custom resources are validated, they are not linted themselves.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<Yaml.YamlMapping> Crds { get; init; } = [];
    /// <summary>Pod template paths for other kinds (<c>podTemplates:</c> in the configuration): <c>Kind</c> or <c>group/Kind</c> to a dotted path such as <c>spec.podTemplate</c>.</summary>
    public ImmutableSortedDictionary<string, string> PodTemplatePaths { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
