using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class CronjobDeadlineMissing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "cronjob-deadline-missing",
        Summary: "CronJobs should set startingDeadlineSeconds",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Without `startingDeadlineSeconds` the CronJob controller counts every schedule it missed since the last
            run (while the controller was down, or while `concurrencyPolicy: Forbid` held a run back); after 100 missed
            schedules it stops creating Jobs for that CronJob altogether and only logs an event. A deadline bounds the
            count and makes a late run either start soon or be skipped. With `concurrencyPolicy: Allow` (the default)
            on a schedule that can outlast its period, runs also pile up on each other (`cronjob-concurrency-allow`).

            The finding is on the CronJob's `spec`.
            """,
        Remediation: "Set spec.startingDeadlineSeconds (e.g. 300), and concurrencyPolicy: Forbid for jobs that must not overlap.",
        References: [ReliabilityReferences.CronJobs],
        PeerChecks:
        [
            PeerCheck.Score("cronjob-has-deadline"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var cron in context.Graph.OfKind("CronJob"))
        {
            if (cron.Group != "batch" || cron.Root.GetMapping("spec") is not { } spec || spec.GetScalar("startingDeadlineSeconds") is { IsNull: false })
                continue;
            yield return context.Report(cron, (YamlNode?)cron.Root.GetKey("spec") ?? cron.AnchorNode,
                $"CronJob '{cron.Name}' sets no startingDeadlineSeconds; after 100 missed schedules it stops running");
        }
    }
}
