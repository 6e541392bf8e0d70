using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed class PodAntiAffinityMissing : PodTemplateRule
{
    public override RuleInfo Info { get; } = new(
        Id: "pod-anti-affinity-missing",
        Summary: "Replicated workloads should spread their pods across nodes",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: false,
        Since: "0.2.0",
        Rationale: """
            Without pod anti-affinity or a topology spread constraint the scheduler may put every replica of a
            Deployment or StatefulSet on the same node (or zone), and one node failure takes the whole service down
            despite its replicas.

            Off by default: the scheduler's default spreading already prefers different nodes, and most well-run
            charts leave the choice to values. Workloads with more than one replica and neither
            `affinity.podAntiAffinity` nor `topologySpreadConstraints` are reported at the template's `spec`.
            """,
        Remediation: "Add topologySpreadConstraints over kubernetes.io/hostname (and topology.kubernetes.io/zone), or a preferred podAntiAffinity on the workload's labels.",
        References: [new("Kubernetes: Pod Topology Spread Constraints", "https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/")],
        PeerChecks:
        [
            PeerCheck.Score("deployment-has-host-podantiaffinity"),
            PeerCheck.Score("statefulset-has-host-podantiaffinity"),
            PeerCheck.Fairwinds("topologySpreadConstraint"),
            PeerCheck.Linter("no-anti-affinity"),
        ]);

    protected override bool AppliesTo(PodTemplateView pod) => Disruption.IsReplicated(pod) && Disruption.Replicas(pod.Owner) is > 1;

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        if (pod.Spec.Find("affinity", "podAntiAffinity") is YamlMapping || pod.Spec.GetSequence("topologySpreadConstraints") is { Count: > 0 })
            yield break;
        yield return context.Report(pod.Owner, pod.SpecAnchor, $"{pod.Describe()} runs {Disruption.Replicas(pod.Owner)} replicas with no pod anti-affinity or topology spread, so they may all land on one node");
    }
}
