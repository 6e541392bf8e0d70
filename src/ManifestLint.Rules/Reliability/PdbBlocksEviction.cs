using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class PdbBlocksEviction : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "pdb-blocks-eviction",
        Summary: "A PodDisruptionBudget must allow at least one disruption",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A budget with `maxUnavailable: 0` (or `0%`), `minAvailable: 100%`, or a `minAvailable` at least the replica
            count of the workloads it selects never allows an eviction. Node drains then hang until someone deletes the
            pods by hand: cluster upgrades stall, the cluster autoscaler cannot remove nodes, and spot nodes are
            reclaimed without a graceful move.

            The replica count is the sum of `replicas` of the Deployments, StatefulSets and Rollouts the budget selects
            (a workload scaled by an HPA is left to `pdb-min-available-vs-hpa`). The finding is on the field.
            """,
        Remediation: "Use maxUnavailable: 1 (or a minAvailable below the replica count), and run enough replicas to afford it.",
        References: [ReliabilityReferences.Disruptions],
        PeerChecks:
        [
            PeerCheck.Linter("pdb-max-unavailable"),
            PeerCheck.Linter("pdb-min-available"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var disruption = new Disruption(context.Graph);
        var autoscaling = new Autoscaling(context.Graph);
        foreach (var pdb in context.Graph.OfKind("PodDisruptionBudget"))
        {
            if (pdb.Root.GetMapping("spec") is not { } spec)
                continue;
            if (spec.GetScalar("maxUnavailable") is { IsNull: false, Text: "0" or "0%" } zero)
            {
                yield return context.Report(pdb, zero, $"PodDisruptionBudget '{pdb.Name}' sets maxUnavailable {zero.Text}, so no pod can ever be evicted and node drains hang");
                continue;
            }

            if (spec.GetScalar("minAvailable") is not { IsNull: false } min)
                continue;
            if (min.Text.Trim() == "100%")
            {
                yield return context.Report(pdb, min, $"PodDisruptionBudget '{pdb.Name}' sets minAvailable 100%, so no pod can ever be evicted and node drains hang");
                continue;
            }

            if (min.AsInt64() is not { } wanted || !disruption.Selected.TryGetValue(pdb, out var pods) || pods.Count == 0)
                continue;
            var workloads = pods.Select(p => p.Owner).Distinct().ToList();
            if (!workloads.All(w => w.Kind is "Deployment" or "StatefulSet" or "Rollout") || workloads.Any(w => autoscaling.Of(w) is not null))
                continue;
            var counts = workloads.Select(Disruption.Replicas).ToList();
            if (counts.Any(c => c is null))
                continue;
            var total = counts.Sum(c => c!.Value);
            if (wanted >= total)
                yield return context.Report(pdb, min, $"PodDisruptionBudget '{pdb.Name}' requires {wanted} available pods of the {total} its workloads run, so no pod can be evicted and node drains hang");
        }
    }
}
