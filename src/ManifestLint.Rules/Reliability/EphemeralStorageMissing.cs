using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed class EphemeralStorageMissing : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "ephemeral-storage-missing",
        Summary: "Containers should set an ephemeral-storage request and limit",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: false,
        Since: "0.2.0",
        Rationale: """
            Logs, `emptyDir` volumes without a `sizeLimit` and the container's writable layer all use the node's
            ephemeral storage. Without a request the scheduler does not account for it; without a limit one container
            can fill the node's disk, and the kubelet then evicts every pod on the node, not just the one at fault.

            Off by default: few charts set it, and clusters often bound it with a LimitRange instead. Each regular and
            init container without `ephemeral-storage` in its requests or limits (or the pod's `spec.resources`) is
            reported at its `resources` key (else its name).
            """,
        Remediation: "Add resources.requests.ephemeral-storage and resources.limits.ephemeral-storage (e.g. 1Gi and 2Gi).",
        References: [ReliabilityReferences.Resources],
        PeerChecks:
        [
            PeerCheck.Score("container-ephemeral-storage-request-and-limit"),
        ]);

    protected override bool Judges(ContainerView container) => container.Kind != ContainerKind.EphemeralContainer;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        var podResources = container.Pod.Spec.GetMapping("resources");
        var missing = new[] { "requests", "limits" }
            .Where(section => container.Resources?.Find(section, "ephemeral-storage") is not YamlScalar { IsNull: false }
                && podResources?.Find(section, "ephemeral-storage") is not YamlScalar { IsNull: false })
            .ToList();
        if (missing.Count == 0)
            yield break;
        var anchor = (YamlNode?)container.Node.GetKey("resources") ?? container.Anchor;
        yield return Report(context, container, anchor, $"{container.Describe()} sets no ephemeral-storage {string.Join(" or ", missing.Select(m => m.TrimEnd('s')))}");
    }
}
