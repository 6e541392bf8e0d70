using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class PdbMinAvailableVsHpa : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "pdb-min-available-vs-hpa",
        Summary: "A PodDisruptionBudget's minAvailable must be below its workload's HPA minReplicas",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            When an HPA scales a workload down to its `minReplicas`, a budget whose integer `minAvailable` is at least
            that number allows no eviction: every quiet period turns into drains that hang. The budget has to leave
            room below the smallest size the HPA may choose.

            The budget is matched to the workloads whose pods it selects and to the HPA that scales each. The finding
            is on `minAvailable`, with the HPA's `minReplicas` as a related location.
            """,
        Remediation: "Lower minAvailable below the HPA's minReplicas, use maxUnavailable: 1, or raise minReplicas.",
        References: [ReliabilityReferences.Disruptions, ReliabilityReferences.Hpa],
        PeerChecks:
        [
            PeerCheck.Fairwinds("pdbMinAvailableGreaterThanOrEqualToHPAMinReplicas"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var disruption = new Disruption(context.Graph);
        var autoscaling = new Autoscaling(context.Graph);
        foreach (var (pdb, pods) in disruption.Selected)
        {
            if (pdb.Root.Find("spec", "minAvailable") is not YamlScalar { IsNull: false } min || min.AsInt64() is not { } wanted)
                continue;
            foreach (var workload in pods.Select(p => p.Owner).Distinct())
            {
                if (autoscaling.Of(workload) is not { } hpa || Autoscaling.MinReplicas(hpa) > wanted)
                    continue;
                YamlNode related = (YamlNode?)Autoscaling.MinReplicasNode(hpa) ?? hpa.AnchorNode;
                yield return context.Report(pdb, min,
                    $"PodDisruptionBudget '{pdb.Name}' requires {wanted} available pods, but HorizontalPodAutoscaler '{hpa.Name}' may scale {workload.Kind} '{workload.Name}' down to {Autoscaling.MinReplicas(hpa)}",
                    RuleContext.Related(related, $"HorizontalPodAutoscaler '{hpa.Name}' minReplicas"));
            }
        }
    }
}
