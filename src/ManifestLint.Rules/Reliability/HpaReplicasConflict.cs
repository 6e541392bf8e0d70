using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class HpaReplicasConflict : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "hpa-replicas-conflict",
        Summary: "A workload scaled by a HorizontalPodAutoscaler should not set replicas",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            An HPA owns `spec.replicas` of the workload it scales. When the manifest sets `replicas` too, every
            `kubectl apply`, Helm upgrade or GitOps sync resets the count to the manifest's number, the HPA scales it
            back, and pods are created and killed on each deploy (a scale-down to 1 in the middle of a traffic peak is
            the classic outage). Leave the field out and let the HPA decide.

            Deployments, StatefulSets, ReplicaSets and Argo Rollouts are matched to the HPA of their namespace whose
            `scaleTargetRef` names them. The finding is on `replicas`, with the HPA as a related location.
            """,
        Remediation: "Remove spec.replicas from the workload (for Helm charts, leave it out when autoscaling is enabled).",
        References: [ReliabilityReferences.Hpa],
        PeerChecks:
        [
            PeerCheck.Score("deployment-targeted-by-hpa-does-not-have-replicas"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var autoscaling = new Autoscaling(context.Graph);
        foreach (var kind in new[] { "Deployment", "StatefulSet", "ReplicaSet", "Rollout" })
        {
            foreach (var workload in context.Graph.OfKind(kind))
            {
                if (workload.Root.Find("spec", "replicas") is not YamlScalar { IsNull: false } replicas || autoscaling.Of(workload) is not { } hpa)
                    continue;
                yield return context.Report(workload, replicas,
                    $"{workload.Kind} '{workload.Name}' sets replicas: {replicas.Text} but HorizontalPodAutoscaler '{hpa.Name}' scales it; each apply resets the count",
                    RuleContext.Related((YamlNode?)hpa.Root.Find("spec", "scaleTargetRef") ?? hpa.AnchorNode, $"HorizontalPodAutoscaler '{hpa.Name}' scales it"));
            }
        }
    }
}
