using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Network;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed class PriorityClassMissing : PodTemplateRule
{
    public override RuleInfo Info { get; } = new(
        Id: "priority-class-missing",
        Summary: "Workloads in system namespaces should set a priorityClassName",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Without a `priorityClassName` a pod has priority 0, like every application pod. When a node is full the
            scheduler may preempt, and the kubelet evict, a cluster add-on (DNS, CNI, a metrics server, an ingress
            controller) as readily as a batch job, and the whole cluster suffers. Pods in system namespaces
            (`kube-system` and the like) should use `system-cluster-critical`, `system-node-critical` or a class of
            their own.

            Only long-running workloads in system namespaces are judged; elsewhere most well-run charts leave the
            class to the operator. The finding is on the template's `spec`.
            """,
        Remediation: "Set spec.priorityClassName (system-cluster-critical, system-node-critical for per-node agents, or your own PriorityClass).",
        References: [ReliabilityReferences.PriorityClasses],
        PeerChecks:
        [
            PeerCheck.Fairwinds("priorityClassNotSet"),
            PeerCheck.Linter("priority-class-name"),
        ]);

    protected override bool AppliesTo(PodTemplateView pod) =>
        pod.Namespace is { } ns && NetworkReferences.IsSystemNamespace(ns) && WorkloadFacts.IsLongRunning(pod);

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        if (pod.Spec.GetScalar("priorityClassName") is not { IsNull: false, Text.Length: > 0 })
            yield return context.Report(pod.Owner, pod.SpecAnchor, $"{pod.Describe()} runs in system namespace '{pod.Namespace}' without a priorityClassName, so it can be preempted like any application pod");
    }
}
