using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Resources;

public sealed class MissingResourceRequests : ResourceRequirements
{
    public override RuleInfo Info { get; } = new(
        Id: "missing-resource-requests",
        Summary: "Containers must set cpu and memory requests",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            The scheduler places pods by their requests. A container without requests is treated as needing
            nothing, so nodes get overcommitted, and a pod with no requests at all falls into the
            `BestEffort` QoS class: it is the first to be evicted when a node runs short of memory. Requests
            are also what the Horizontal Pod Autoscaler measures utilisation against.

            When only limits are set, Kubernetes copies them into the requests, so the pod is not
            `BestEffort`, but the requests then silently equal the limits; the rule asks for both to be
            stated. It checks containers and init containers; ephemeral containers cannot declare resources.
            Pod-level `spec.resources.requests` (Kubernetes 1.32+) counts for every container. The finding
            says which of cpu and memory is missing and points at `requests:` or `resources:` when they
            exist, else at the container's name.
            """,
        Remediation: "Set `resources.requests.cpu` and `resources.requests.memory` on every container, sized from observed usage.",
        References:
        [
            new("Kubernetes: Resource management for pods and containers", "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
            new("Kubernetes: Pod quality of service classes", "https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/"),
            new("NSA/CISA Kubernetes Hardening Guide (v1.2): resource policies", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF"),
        ],
        SecuritySeverity: 3.0,
        PeerChecks:
        [
            PeerCheck.Score("container-resources"),
            PeerCheck.Fairwinds("cpuRequestsMissing"),
            PeerCheck.Fairwinds("memoryRequestsMissing"),
            PeerCheck.Linter("unset-cpu-requirements"),
            PeerCheck.Linter("unset-memory-requirements"),
            PeerCheck.Ckv("CKV_K8S_10"),
            PeerCheck.Ckv("CKV_K8S_12"),
        ]);

    protected override string Section => "requests";

    protected override string Noun => "request";
}
