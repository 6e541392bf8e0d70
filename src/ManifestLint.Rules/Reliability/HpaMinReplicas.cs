using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class HpaMinReplicas : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "hpa-min-replicas",
        Summary: "A HorizontalPodAutoscaler should keep at least two replicas and room to scale",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            An HPA with `minReplicas` 1 (the default) scales a service down to a single pod when it is quiet: one node
            drain, one crash or one rollout then leaves it with no ready pod. An HPA whose `maxReplicas` equals
            `minReplicas` cannot scale at all and only hides a fixed replica count.

            The finding is on `minReplicas` (else the HPA's `spec`), or on `maxReplicas` when it equals the minimum.
            """,
        Remediation: "Set minReplicas: 2 or more, and maxReplicas above it.",
        References: [ReliabilityReferences.Hpa],
        PeerChecks:
        [
            PeerCheck.Fairwinds("hpaMinAvailability"),
            PeerCheck.Fairwinds("hpaMaxAvailability"),
            PeerCheck.Linter("hpa-minimum-three-replicas"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var hpa in context.Graph.OfKind("HorizontalPodAutoscaler"))
        {
            if (hpa.Root.GetMapping("spec") is not { } spec)
                continue;
            var min = Autoscaling.MinReplicas(hpa);
            if (min < 2)
            {
                YamlNode node = (YamlNode?)Autoscaling.MinReplicasNode(hpa) ?? (YamlNode?)hpa.Root.GetKey("spec") ?? hpa.AnchorNode;
                yield return context.Report(hpa, node, $"HorizontalPodAutoscaler '{hpa.Name}' may scale down to {min} replica, so a single disruption leaves no ready pod");
            }
            else if (spec.GetScalar("maxReplicas") is { } max && max.AsInt64() == min)
            {
                yield return context.Report(hpa, max, $"HorizontalPodAutoscaler '{hpa.Name}' has maxReplicas equal to minReplicas ({min}), so it cannot scale");
            }
        }
    }
}
