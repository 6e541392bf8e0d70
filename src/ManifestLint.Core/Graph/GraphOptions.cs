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

    /// <summary>Pod template paths for other kinds (<c>podTemplates:</c> in the configuration): <c>Kind</c> or <c>group/Kind</c> to a dotted path such as <c>spec.podTemplate</c>.</summary>
    public ImmutableSortedDictionary<string, string> PodTemplatePaths { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
