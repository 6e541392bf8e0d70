using System.Collections.Immutable;
using ManifestLint.Core.Graph;

namespace ManifestLint.Core.Selectors;

/// <summary>
/// The labels a namespaceSelector sees: the Namespace object's labels when the input holds it, plus the
/// <c>kubernetes.io/metadata.name</c> label the API server sets on every namespace.
/// </summary>
public static class NamespaceLabels
{
    public const string NameLabel = "kubernetes.io/metadata.name";

    /// <summary>The labels of <paramref name="namespace"/>, and whether they are all known (its object is in the input).</summary>
    public static (ImmutableSortedDictionary<string, string> Labels, bool Known) Of(ResourceGraph graph, string @namespace)
    {
        var ns = graph.Get(new Model.ResourceKey(string.Empty, "Namespace", null, @namespace));
        var labels = ns.IsEmpty ? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal) : ns[0].Labels;
        return (labels.SetItem(NameLabel, @namespace), !ns.IsEmpty);
    }

    /// <summary>
    /// True when <paramref name="selector"/> matches <paramref name="namespace"/>, or may match it: for a namespace
    /// outside the input only its name label is known, and requirements on other labels are given the benefit of
    /// the doubt.
    /// </summary>
    public static bool MayMatch(ResourceGraph graph, LabelSelector selector, string @namespace)
    {
        var (labels, known) = Of(graph, @namespace);
        return known ? selector.Matches(labels) : selector.CouldMatch(labels, k => k == NameLabel);
    }
}
