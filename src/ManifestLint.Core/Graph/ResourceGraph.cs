using System.Collections.Frozen;
using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Model.Views;

namespace ManifestLint.Core.Graph;

/// <summary>
/// All resources of a run, indexed once: by key, kind, namespace and label. Immutable after
/// <see cref="Build"/>; rules share it across threads. Lookups by selector go through the label index,
/// never over all pairs.
/// </summary>
public sealed partial class ResourceGraph
{
    private readonly FrozenDictionary<ResourceKey, ImmutableArray<Resource>> _byKey;
    private readonly FrozenDictionary<string, ImmutableArray<Resource>> _byKind;
    private readonly FrozenDictionary<string, ImmutableArray<Resource>> _byNamespace;
    private readonly FrozenDictionary<(string? Namespace, string Label, string Value), ImmutableArray<PodTemplateView>> _podsByLabel;
    private readonly FrozenDictionary<string, ImmutableArray<PodTemplateView>> _podsByNamespace;

    private readonly Lazy<ImmutableArray<ComponentConfig>> _componentConfigs;

    private ResourceGraph(ImmutableArray<Resource> resources, GraphOptions options)
    {
        _componentConfigs = new Lazy<ImmutableArray<ComponentConfig>>(
            () => [.. Resources.SelectMany(ComponentConfigReader.Read)], LazyThreadSafetyMode.ExecutionAndPublication);
        Resources = resources;
        Options = options;
        _byKey = resources.GroupBy(r => r.Key).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _byKind = resources.GroupBy(r => r.Kind, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _byNamespace = resources.Where(r => r.Namespace is not null).GroupBy(r => r.Namespace!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

        var pods = ImmutableArray.CreateBuilder<PodTemplateView>();
        foreach (var r in resources)
        {
            pods.AddRange(Model.Views.PodTemplates.FindAll(r, options.PodTemplatePaths));
        }

        PodTemplates = pods.ToImmutable();
        _podsByLabel = PodTemplates
            .SelectMany(p => p.Labels.Select(l => (Key: (p.Namespace, l.Key, l.Value), Pod: p)))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Pod).ToImmutableArray());
        _podsByNamespace = PodTemplates.Where(p => p.Namespace is not null).GroupBy(p => p.Namespace!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Every resource, in input order.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Every pod template (Pods and the templates of workload controllers).</summary>
    public ImmutableArray<PodTemplateView> PodTemplates { get; }

    public GraphOptions Options { get; }

    /// <summary>Control-plane and kubelet settings found in the input (static pods, kubeadm and kubelet configs), read once.</summary>
    public ImmutableArray<ComponentConfig> ComponentConfigs => _componentConfigs.Value;

    public static ResourceGraph Build(IEnumerable<Resource> resources, GraphOptions? options = null) =>
        new([.. resources], options ?? GraphOptions.Default);

    public static ResourceGraph Empty { get; } = Build([]);

    /// <summary>Resources with this identity (usually one; more when the input defines it twice).</summary>
    public ImmutableArray<Resource> Get(ResourceKey key) => _byKey.TryGetValue(key, out var r) ? r : [];

    /// <summary>The first resource of a kind with this name (and namespace, for namespaced kinds), in any API group.</summary>
    public Resource? Find(string kind, string? @namespace, string name)
    {
        foreach (var r in OfKind(kind))
        {
            if (r.Name == name && r.Namespace == @namespace)
                return r;
        }

        return null;
    }

    public ImmutableArray<Resource> OfKind(string kind) => _byKind.TryGetValue(kind, out var r) ? r : [];

    public ImmutableArray<Resource> InNamespace(string @namespace) => _byNamespace.TryGetValue(@namespace, out var r) ? r : [];

    public ImmutableArray<PodTemplateView> PodsInNamespace(string @namespace) => _podsByNamespace.TryGetValue(@namespace, out var r) ? r : [];

    /// <summary>Namespaces that appear in the input, as objects or as the namespace of some resource, sorted.</summary>
    public IEnumerable<string> NamespaceNames =>
        _byNamespace.Keys.Concat(OfKind("Namespace").Select(n => n.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>
    /// Pod templates in <paramref name="namespace"/> whose labels match all of <paramref name="matchLabels"/>.
    /// Uses the label index: cost follows the smallest matching label set, not the number of pods.
    /// An empty selector matches every pod in the namespace.
    /// </summary>
    public IEnumerable<PodTemplateView> PodsMatching(string? @namespace, IReadOnlyDictionary<string, string> matchLabels)
    {
        if (matchLabels.Count == 0)
            return @namespace is null ? [] : PodsInNamespace(@namespace);
        ImmutableArray<PodTemplateView> smallest = default;
        foreach (var (k, v) in matchLabels)
        {
            if (!_podsByLabel.TryGetValue((@namespace, k, v), out var set))
                return [];
            if (smallest.IsDefault || set.Length < smallest.Length)
                smallest = set;
        }

        return smallest.Where(p => matchLabels.All(l => p.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
    }
}
