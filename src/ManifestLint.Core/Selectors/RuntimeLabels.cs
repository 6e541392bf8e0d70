using System.Collections.Frozen;
using ManifestLint.Core.Model.Views;

namespace ManifestLint.Core.Selectors;

/// <summary>
/// Labels that controllers add to pods at run time, so they are on the pods but not in the pod template:
/// a selector that names one can still select the workload's pods.
/// </summary>
public static class RuntimeLabels
{
    private static readonly FrozenDictionary<string, string[]> Owners = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["statefulset.kubernetes.io/pod-name"] = ["StatefulSet"],
        ["apps.kubernetes.io/pod-index"] = ["StatefulSet"],
        ["controller-revision-hash"] = ["StatefulSet", "DaemonSet"],
        ["pod-template-generation"] = ["DaemonSet"],
        ["pod-template-hash"] = ["Deployment", "ReplicaSet", "Rollout"],
        ["rollouts-pod-template-hash"] = ["Rollout"],
        ["batch.kubernetes.io/job-name"] = ["Job", "CronJob"],
        ["job-name"] = ["Job", "CronJob"],
        ["batch.kubernetes.io/controller-uid"] = ["Job", "CronJob"],
        ["controller-uid"] = ["Job", "CronJob"],
        ["batch.kubernetes.io/job-completion-index"] = ["Job", "CronJob"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True for a label some controller adds to the pods it creates.</summary>
    public static bool IsRuntime(string key) => Owners.ContainsKey(key);

    /// <summary>
    /// Whether the pods of <paramref name="pod"/>'s workload may carry <paramref name="key"/> (with
    /// <paramref name="value"/>, or any value when null) although the template does not say so. Values that follow
    /// from the workload's name are checked: a StatefulSet's pod names are <c>&lt;name&gt;-&lt;ordinal&gt;</c>, a Job's
    /// pods carry its name, a CronJob's Jobs are named <c>&lt;name&gt;-&lt;time&gt;</c>.
    /// </summary>
    public static bool MayCarry(PodTemplateView pod, string key, string? value)
    {
        if (!Owners.TryGetValue(key, out var kinds) || !kinds.Contains(pod.Owner.Kind, StringComparer.Ordinal))
            return false;
        if (value is null)
            return true;
        var name = pod.Owner.Name;
        return key switch
        {
            "statefulset.kubernetes.io/pod-name" => IsOrdinalOf(value, name),
            "apps.kubernetes.io/pod-index" or "batch.kubernetes.io/job-completion-index" => value.Length > 0 && value.All(char.IsAsciiDigit),
            "batch.kubernetes.io/job-name" or "job-name" => pod.Owner.Kind == "Job" ? value == name : value.StartsWith(name + "-", StringComparison.Ordinal),
            _ => true,
        };
    }

    private static bool IsOrdinalOf(string value, string name) =>
        value.Length > name.Length + 1 && value.StartsWith(name + "-", StringComparison.Ordinal) && value[(name.Length + 1)..].All(char.IsAsciiDigit);
}
