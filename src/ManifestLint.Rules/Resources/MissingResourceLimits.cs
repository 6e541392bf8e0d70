using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Resources;

public sealed class MissingResourceLimits : ResourceRequirements
{
    public override RuleInfo Info { get; } = new(
        Id: "missing-resource-limits",
        Summary: "Containers must set cpu and memory limits",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Without a memory limit a container can use all the memory of its node: a leak or a burst of
            traffic then makes the kernel kill other workloads, or the node itself becomes unhealthy.
            Without a cpu limit one busy container can starve its neighbours. Limits bound the blast radius
            of a bug or a denial-of-service attack to the container that has it, and a namespace
            `ResourceQuota` on limits cannot be used until every pod sets them.

            The rule checks containers and init containers (init containers' limits count towards the pod's
            effective limits); ephemeral containers cannot declare resources. Pod-level
            `spec.resources.limits` (Kubernetes 1.32+) counts for every container. The finding says which of
            cpu and memory is missing and points at `limits:` or `resources:` when they exist, else at the
            container's name. Some teams deliberately leave out cpu limits to avoid throttling; disable the
            rule or suppress it per workload with a reason if that is your policy.
            """,
        Remediation: "Set `resources.limits.cpu` and `resources.limits.memory` on every container, sized from observed usage.",
        References:
        [
            new("Kubernetes: Resource management for pods and containers", "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
            new("NSA/CISA Kubernetes Hardening Guide (v1.2): resource policies", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF"),
            new("Kubernetes: Resource quotas", "https://kubernetes.io/docs/concepts/policy/resource-quotas/"),
        ],
        SecuritySeverity: 4.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("cpuLimitsMissing"),
            PeerCheck.Fairwinds("memoryLimitsMissing"),
            PeerCheck.Ckv("CKV_K8S_11"),
            PeerCheck.Ckv("CKV_K8S_13"),
        ]);

    protected override string Section => "limits";

    protected override string Noun => "limit";
}
