using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class JobTtlMissing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "job-ttl-missing",
        Summary: "Jobs should be cleaned up after they finish",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A finished Job and its pods stay in the cluster until someone deletes them: every run of a deploy-time
            migration or batch task adds objects to etcd and pods to `kubectl get pods`. `ttlSecondsAfterFinished`
            lets the TTL controller delete them. A CronJob's Jobs are bounded by its history limits instead (3 and 1
            by default) and are not reported here; `cronjob-history-limit-large` reports limits set too high.

            Helm hook Jobs with a `helm.sh/hook-delete-policy`, and Argo CD hooks with
            `argocd.argoproj.io/hook-delete-policy`, are cleaned up by the tool and not reported. The finding is on
            the Job's `spec`.
            """,
        Remediation: "Set spec.ttlSecondsAfterFinished (e.g. 86400) on the Job.",
        References: [ReliabilityReferences.Jobs, new("Kubernetes: Automatic Cleanup for Finished Jobs", "https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/")],
        PeerChecks:
        [
            PeerCheck.Linter("job-ttl-seconds-after-finished"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var job in context.Graph.OfKind("Job"))
        {
            if (job.Group != "batch" || job.Root.GetMapping("spec") is not { } spec || spec.GetScalar("ttlSecondsAfterFinished") is { IsNull: false })
                continue;
            if (DeploymentHook.Of(job) is not null
                && (job.Annotations.ContainsKey("helm.sh/hook-delete-policy") || job.Annotations.ContainsKey("argocd.argoproj.io/hook-delete-policy")))
                continue;
            yield return context.Report(job, (YamlNode?)job.Root.GetKey("spec") ?? job.AnchorNode, $"Job '{job.Name}' sets no ttlSecondsAfterFinished, so it and its pods stay after it finishes");
        }
    }
}
