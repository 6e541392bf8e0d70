using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

/// <summary>The HorizontalPodAutoscalers of the input by the workload they scale (namespace, kind, name): one lookup per workload, never all pairs.</summary>
internal sealed class Autoscaling
{
    private readonly Dictionary<(string? Namespace, string Kind, string Name), Resource> _byTarget = [];

    public Autoscaling(ResourceGraph graph)
    {
        foreach (var hpa in graph.OfKind("HorizontalPodAutoscaler"))
        {
            if (hpa.Root.Find("spec", "scaleTargetRef") is YamlMapping target && target.GetString("name") is { Length: > 0 } name)
                _byTarget.TryAdd((hpa.Namespace, target.GetString("kind") ?? string.Empty, name), hpa);
        }
    }

    /// <summary>The HPA that scales <paramref name="workload"/>, if any.</summary>
    public Resource? Of(Resource workload) => _byTarget.GetValueOrDefault((workload.Namespace, workload.Kind, workload.Name));

    /// <summary>The HPA's <c>minReplicas</c> node (absent means 1).</summary>
    public static YamlScalar? MinReplicasNode(Resource hpa) => hpa.Root.Find("spec", "minReplicas") as YamlScalar;

    public static long MinReplicas(Resource hpa) => MinReplicasNode(hpa)?.AsInt64() ?? 1;
}
