using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed class MemoryRequestBelowLimit : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "memory-request-below-limit",
        Summary: "A container's memory request should equal its memory limit",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: false,
        Since: "0.2.0",
        Rationale: """
            The scheduler places a pod by its memory request, but the container may use up to its limit. When the
            request is below the limit the node can be overcommitted: under memory pressure the kubelet evicts, and the
            kernel OOM-kills, pods that use more than they requested first, so the workload dies exactly when it is
            busy. kube-score's "requests equal limits" check asks for equal memory values.

            Off by default: most well-run charts deliberately request less than the limit to pack nodes, and whether
            that trade is right depends on the workload. Containers that set both values as plain quantities are
            compared (`512Mi`, `1G`, `1.5Gi`); the finding is on the request.
            """,
        Remediation: "Set resources.requests.memory to the same value as resources.limits.memory.",
        References: [ReliabilityReferences.Resources],
        PeerChecks:
        [
            PeerCheck.Score("container-memory-requests-equal-limits"),
        ]);

    protected override bool Judges(ContainerView container) => container.Kind != ContainerKind.EphemeralContainer;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.Resources?.Find("requests", "memory") is not YamlScalar { IsNull: false } request
            || container.Resources?.Find("limits", "memory") is not YamlScalar { IsNull: false } limit)
            yield break;
        if (Quantity.Bytes(request.Text) is { } r && Quantity.Bytes(limit.Text) is { } l && r < l)
            yield return Report(context, container, request, $"{container.Describe()} requests {request.Text} of memory but may use up to {limit.Text}, so it can be OOM-killed under node pressure");
    }
}
