using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

/// <summary>
/// PodDisruptionBudgets and the pod templates they select, both ways, built with the graph's label index (one
/// selection per budget, never budgets × pods); and the replica counts of the workloads that keep pods running.
/// </summary>
internal sealed class Disruption
{
    private readonly Dictionary<PodTemplateView, List<Resource>> _budgetsOf = new(ReferenceEqualityComparer.Instance);

    public Disruption(ResourceGraph graph)
    {
        foreach (var pdb in graph.OfKind("PodDisruptionBudget"))
        {
            if (LabelSelector.Read(pdb.Root.Find("spec", "selector")) is not { IsEmpty: false } selector)
                continue;
            var pods = selector.SelectPods(graph, pdb.Namespace).ToList();
            Selected[pdb] = pods;
            foreach (var pod in pods)
            {
                if (!_budgetsOf.TryGetValue(pod, out var list))
                    _budgetsOf[pod] = list = [];
                list.Add(pdb);
            }
        }
    }

    /// <summary>The pod templates each budget (with a non-empty selector) selects.</summary>
    public Dictionary<Resource, List<PodTemplateView>> Selected { get; } = [];

    public IReadOnlyList<Resource> BudgetsOf(PodTemplateView pod) => _budgetsOf.TryGetValue(pod, out var list) ? list : [];

    /// <summary>Deployments, StatefulSets and Argo Rollouts that keep pods running (not hooks): the kinds a budget protects.</summary>
    public static bool IsReplicated(PodTemplateView pod) =>
        pod.Hook is null && (pod.Owner.Kind is "Deployment" or "StatefulSet" || (pod.Owner.Kind == "Rollout" && pod.Owner.Group == "argoproj.io"));

    /// <summary>The workload's <c>spec.replicas</c> (absent means 1), or null when it is not a number.</summary>
    public static long? Replicas(Resource workload) =>
        workload.Root.Find("spec", "replicas") is YamlScalar { IsNull: false } r ? r.AsInt64() : 1;
}
