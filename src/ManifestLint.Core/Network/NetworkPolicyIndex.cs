using System.Collections.Frozen;
using System.Collections.Immutable;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Selectors;

namespace ManifestLint.Core.Network;

/// <summary>
/// Every NetworkPolicy of the input with the pods it selects, and the reverse: the policies selecting each pod.
/// Built from the label index in time proportional to the policies plus the pods they select.
/// </summary>
public sealed class NetworkPolicyIndex
{
    private static readonly ImmutableArray<NetworkPolicyView> None = [];

    private readonly FrozenDictionary<string, ImmutableArray<NetworkPolicyView>> _byNamespace;
    private readonly Dictionary<NetworkPolicyView, ImmutableArray<PodTemplateView>> _selected;
    private readonly Dictionary<PodTemplateView, ImmutableArray<NetworkPolicyView>> _selecting;
    private readonly FrozenDictionary<string, ImmutableArray<Resource>> _otherEngines;
    private readonly ImmutableArray<Resource> _clusterWide;

    private NetworkPolicyIndex(ResourceGraph graph)
    {
        Policies = [.. graph.OfKind("NetworkPolicy").Select(NetworkPolicyView.Read).OfType<NetworkPolicyView>()];
        _byNamespace = Policies.GroupBy(p => p.Namespace, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _selected = new Dictionary<NetworkPolicyView, ImmutableArray<PodTemplateView>>();
        var selecting = new Dictionary<PodTemplateView, ImmutableArray<NetworkPolicyView>.Builder>();
        foreach (var policy in Policies)
        {
            var pods = policy.PodSelector.SelectPods(graph, policy.Namespace).ToImmutableArray();
            _selected[policy] = pods;
            foreach (var pod in pods)
            {
                if (!selecting.TryGetValue(pod, out var list))
                    selecting[pod] = list = ImmutableArray.CreateBuilder<NetworkPolicyView>();
                list.Add(policy);
            }
        }

        _selecting = selecting.ToDictionary(p => p.Key, p => p.Value.ToImmutable());

        // Cilium and Calico policies isolate pods too; they count as coverage so that clusters using them are not
        // flagged (their selector languages are not evaluated: any such policy in the namespace counts).
        _otherEngines = graph.OfKind("CiliumNetworkPolicy").Concat(OfGroup(graph, "NetworkPolicy", "projectcalico.org", "crd.projectcalico.org"))
            .Where(r => r.Namespace is not null)
            .GroupBy(r => r.Namespace!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _clusterWide = [.. graph.OfKind("CiliumClusterwideNetworkPolicy").Concat(OfGroup(graph, "GlobalNetworkPolicy", "projectcalico.org", "crd.projectcalico.org"))];
    }

    /// <summary>Kubernetes NetworkPolicies, in input order.</summary>
    public ImmutableArray<NetworkPolicyView> Policies { get; }

    public static NetworkPolicyIndex Build(ResourceGraph graph) => new(graph);

    public ImmutableArray<NetworkPolicyView> InNamespace(string @namespace) =>
        _byNamespace.TryGetValue(@namespace, out var p) ? p : None;

    /// <summary>The pod templates of the input that <paramref name="policy"/> selects.</summary>
    public ImmutableArray<PodTemplateView> Selected(NetworkPolicyView policy) => _selected.TryGetValue(policy, out var p) ? p : [];

    /// <summary>The NetworkPolicies selecting <paramref name="pod"/>, in input order.</summary>
    public ImmutableArray<NetworkPolicyView> Selecting(PodTemplateView pod) => _selecting.TryGetValue(pod, out var p) ? p : None;

    /// <summary>Cilium or Calico policies that may govern pods of <paramref name="namespace"/> (namespaced or cluster-wide).</summary>
    public IEnumerable<Resource> OtherEnginePolicies(string @namespace) =>
        (_otherEngines.TryGetValue(@namespace, out var p) ? p : []).Concat(_clusterWide);

    /// <summary>True when pods selected by any policy in the namespace are isolated for <paramref name="direction"/> by a policy selecting every pod.</summary>
    public NetworkPolicyView? DefaultDeny(string @namespace, PolicyDirection direction) =>
        InNamespace(@namespace).FirstOrDefault(p => p.PodSelector.IsEmpty && p.AppliesTo(direction));

    /// <summary>True when <paramref name="selector"/> (a namespaceSelector) may select <paramref name="namespace"/>.</summary>
    public static bool NamespaceMayMatch(ResourceGraph graph, LabelSelector selector, string @namespace) =>
        NamespaceLabels.MayMatch(graph, selector, @namespace);

    private static IEnumerable<Resource> OfGroup(ResourceGraph graph, string kind, params string[] groups) =>
        graph.OfKind(kind).Where(r => groups.Contains(r.Group, StringComparer.Ordinal));
}
