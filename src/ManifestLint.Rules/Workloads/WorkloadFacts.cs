using ManifestLint.Core.Model.Views;

namespace ManifestLint.Rules.Workloads;

/// <summary>What a pod template says about how its pods run, shared by the rules that judge only some workloads.</summary>
public static class WorkloadFacts
{
    /// <summary>
    /// False for pods meant to finish: Jobs, CronJobs, Pods with <c>restartPolicy</c> Never or OnFailure, and
    /// Helm or Argo CD hooks (run once around a release, or by <c>helm test</c>).
    /// </summary>
    public static bool IsLongRunning(PodTemplateView pod)
    {
        if (pod.Owner.Kind is "Job" or "CronJob" || pod.Hook is not null)
            return false;
        return pod.Spec.GetString("restartPolicy") is not ("Never" or "OnFailure");
    }
}
