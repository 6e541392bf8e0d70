using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed class JobRestartPolicyInvalid : PodTemplateRule
{
    public override RuleInfo Info { get; } = new(
        Id: "job-restart-policy-invalid",
        Summary: "Job and CronJob pods must set restartPolicy Never or OnFailure",
        Category: Category.Resources,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A Job's pod template must say `restartPolicy: Never` or `OnFailure`. The pod default is `Always`, which the
            API server rejects for Jobs, so a template that sets `Always` or nothing fails on apply (for a CronJob, at
            apply time of the CronJob, or each time it creates a Job). The finding is on the value, else on the
            template's `spec`.
            """,
        Remediation: "Set restartPolicy: OnFailure (retry in the same pod) or Never (a new pod per retry) in the pod template.",
        References: [ReliabilityReferences.Jobs],
        PeerChecks:
        [
            PeerCheck.Score("cronjob-restartpolicy"),
        ]);

    protected override bool AppliesTo(PodTemplateView pod) => pod.Owner.Kind is "Job" or "CronJob" && pod.Owner.Group == "batch";

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        var policy = pod.Spec.GetScalar("restartPolicy");
        if (policy is { Text: "Never" or "OnFailure" })
            yield break;
        yield return policy is { IsNull: false }
            ? context.Report(pod.Owner, policy, $"{pod.Describe()} sets restartPolicy {policy.Text}; a Job's pods must use Never or OnFailure")
            : context.Report(pod.Owner, pod.SpecAnchor, $"{pod.Describe()} sets no restartPolicy, so it defaults to Always, which a Job rejects");
    }
}
