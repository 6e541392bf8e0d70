using System.Globalization;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class CronjobHistoryLimitLarge : Rule
{
    /// <summary>History limits above this many Jobs are reported.</summary>
    public const int MaxKept = 10;

    public override RuleInfo Info { get; } = new(
        Id: "cronjob-history-limit-large",
        Summary: "CronJobs should keep a small history of finished Jobs",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A CronJob's finished Jobs, and their pods, are deleted by the CronJob controller only beyond
            `successfulJobsHistoryLimit` (3 by default) and `failedJobsHistoryLimit` (1 by default). Each kept Job holds
            its pods, their logs on the node and objects in etcd; a large limit on a frequent schedule keeps hundreds of
            completed pods in `kubectl get pods`, in the scheduler's and the kubelet's view and in monitoring. A few
            Jobs are enough to read the last runs' logs; longer history belongs in a log store.

            The rule reports a limit set explicitly above 10. Unset limits take the defaults and are not reported, and
            so are limits that are not plain integers (Helm template text). Peer tools have no check for it: kube-linter
            and kube-score judge Jobs' `ttlSecondsAfterFinished` (`job-ttl-missing`), which does not apply to a
            CronJob's Jobs once their history limit is set. The finding is on the limit's value.
            """,
        Remediation: "Lower spec.successfulJobsHistoryLimit and spec.failedJobsHistoryLimit (the defaults are 3 and 1), and ship job logs to a log store.",
        References: [ReliabilityReferences.CronJobs, new("Kubernetes: CronJob jobs history limits", "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#jobs-history-limits")]);

    private static readonly (string Key, string Kind, int Default)[] Limits = [("successfulJobsHistoryLimit", "successful", 3), ("failedJobsHistoryLimit", "failed", 1)];

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var cron in context.Graph.OfKind("CronJob"))
        {
            if (cron.Group != "batch" || cron.Root.GetMapping("spec") is not { } spec)
                continue;
            foreach (var (key, kind, fallback) in Limits)
            {
                if (spec.GetScalar(key) is { } value && value.AsInt64() is { } kept && kept > MaxKept)
                {
                    yield return context.Report(cron, value, string.Create(CultureInfo.InvariantCulture,
                        $"CronJob '{cron.Name}' keeps its last {kept} {kind} Jobs and their pods ({key}; the default is {fallback})"));
                }
            }
        }
    }
}
