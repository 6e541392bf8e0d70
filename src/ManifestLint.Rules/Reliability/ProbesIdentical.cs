using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed class ProbesIdentical : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "probes-identical",
        Summary: "Liveness and readiness probes should not be identical",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Readiness takes a pod out of its Services while it cannot serve; liveness restarts it. When both probes are
            the same check with the same thresholds, a pod that is briefly overloaded fails both at once and is
            restarted instead of being given time to recover, and a slow dependency turns into a restart loop across
            every replica. The liveness probe should test only that the process is alive (and fail later than
            readiness).

            Each regular container of a long-running workload whose `livenessProbe` and `readinessProbe` are equal
            (same handler, port, path and thresholds, ignoring key order) is reported at its `livenessProbe` key.
            """,
        Remediation: "Make the liveness probe a cheaper check of the process itself (or give it a higher failureThreshold) than the readiness probe.",
        References: [ReliabilityReferences.Probes]);

    protected override bool AppliesTo(PodTemplateView pod) => WorkloadFacts.IsLongRunning(pod);

    protected override bool Judges(ContainerView container) => container.Kind == ContainerKind.Container;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.LivenessProbe is { } liveness && container.ReadinessProbe is { } readiness && YamlEquality.Same(liveness, readiness))
            yield return Report(context, container, container.Node.GetKey("livenessProbe")!, $"{container.Describe()} has identical liveness and readiness probes, so an overloaded pod is restarted instead of taken out of rotation");
    }
}
