using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Resources;

/// <summary>The shared check of <c>missing-liveness-probe</c> and <c>missing-readiness-probe</c>.</summary>
internal static class ProbeRequirements
{
    public static IEnumerable<Finding> Check(RuleContext context, Func<ContainerView, YamlMapping?> probe, string probeName)
    {
        foreach (var pod in context.Graph.PodTemplates)
        {
            if (!IsLongRunning(pod))
                continue;

            // Init containers run to completion before the pod is ready, and ephemeral containers cannot have probes.
            foreach (var container in pod.Containers)
            {
                if (probe(container) is null)
                    yield return context.Report(pod.Owner, container.Anchor, $"{container.Describe()} has no {probeName}");
            }
        }
    }

    /// <summary>
    /// Pods that are meant to finish (Jobs, CronJobs, Pods with restartPolicy Never or OnFailure) are
    /// not health-checked services, so probes make no sense there.
    /// </summary>
    private static bool IsLongRunning(PodTemplateView pod)
    {
        if (pod.Owner.Kind is "Job" or "CronJob")
            return false;
        return pod.Spec.GetString("restartPolicy") is not ("Never" or "OnFailure");
    }
}
