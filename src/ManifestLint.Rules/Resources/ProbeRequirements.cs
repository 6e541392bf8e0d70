using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Resources;

/// <summary>A rule that requires one kind of probe on every regular container of a long-running workload.</summary>
public abstract class ProbeRequirements : ContainerRule
{
    /// <summary>The probe's field name (<c>livenessProbe</c>, <c>readinessProbe</c>).</summary>
    protected abstract string ProbeName { get; }

    /// <summary>Pods that are meant to finish (Jobs, CronJobs, Pods with restartPolicy Never or OnFailure) are not health-checked services, so probes make no sense there.</summary>
    protected override bool AppliesTo(PodTemplateView pod) => WorkloadFacts.IsLongRunning(pod);

    /// <summary>Init containers run to completion before the pod is ready, and ephemeral containers cannot have probes.</summary>
    protected override bool Judges(ContainerView container) => container.Kind == ContainerKind.Container;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.Node.GetMapping(ProbeName) is null)
            yield return Report(context, container, container.Anchor, $"{container.Describe()} has no {ProbeName}");
    }
}
