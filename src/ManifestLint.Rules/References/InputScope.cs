using System.Collections.Frozen;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;

namespace ManifestLint.Rules.References;

/// <summary>
/// Which namespaces a partial input can be judged on. A pre-commit run sees a few files and a chart rarely holds
/// its Namespace: the absence of an object proves something only in a namespace the input owns (its Namespace
/// object is in the input) or when the user says the input is complete.
/// </summary>
internal sealed class InputScope
{
    private readonly ResourceGraph _graph;
    private readonly FrozenSet<string> _owned;
    private readonly Lazy<FrozenSet<string>> _operatorNamespaces;

    public InputScope(ResourceGraph graph)
    {
        _graph = graph;
        _owned = graph.OfKind("Namespace").Select(n => n.Name).ToFrozenSet(StringComparer.Ordinal);
        _operatorNamespaces = new Lazy<FrozenSet<string>>(() => graph.Resources
            .Where(OperatorKinds.MayCreatePods).Select(r => r.Namespace!).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>True when the input owns <paramref name="namespace"/> or is complete.</summary>
    public bool Owns(string? @namespace) => @namespace is not null && (_graph.Options.Complete || _owned.Contains(@namespace));

    /// <summary>
    /// True when a selector that matches no pod in <paramref name="namespace"/> is evidence of a mistake: the namespace
    /// is owned, or the input holds at least one pod template there (so the workloads are not all elsewhere).
    /// </summary>
    public bool SeesPodsOf(string? @namespace) => @namespace is not null && (Owns(@namespace) || !_graph.PodsInNamespace(@namespace).IsEmpty);

    /// <summary>
    /// True when <paramref name="namespace"/> holds a custom resource an operator may turn into pods (see
    /// <see cref="OperatorKinds"/>). Those pods are never in the input, complete or not, so a selector that matches
    /// none of the input's pods there is not evidence of a mistake.
    /// </summary>
    public bool MayHoldOperatorPods(string? @namespace) =>
        @namespace is not null && _operatorNamespaces.Value.Contains(@namespace);

    /// <summary>Namespaces that absence rules judge: the owned ones, or with a complete input every namespace that appears.</summary>
    public IEnumerable<string> JudgedNamespaces =>
        _graph.Options.Complete ? _graph.NamespaceNames : _owned.Order(StringComparer.Ordinal);
}
