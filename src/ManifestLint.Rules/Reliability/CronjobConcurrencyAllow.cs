using System.Globalization;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class CronjobConcurrencyAllow : Rule
{
    /// <summary>Without a deadline, schedules at least this frequent (in minutes) are reported.</summary>
    public const int FrequentMinutes = 10;

    public override RuleInfo Info { get; } = new(
        Id: "cronjob-concurrency-allow",
        Summary: "CronJobs whose runs can overlap should not allow concurrent runs",
        Category: Category.Resources,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            With `concurrencyPolicy: Allow`, which is also the default when the field is unset, the CronJob controller
            starts the next run even while the previous one is still going. A run that hangs (a lock, a slow database,
            a stuck network call) is then joined by another one at every schedule, and the overlapping runs compete for
            the same data and pile up pods.

            The rule reports a CronJob that allows concurrent runs only when overlap is likely, so that the many
            CronJobs that run quickly and rarely stay quiet:

            - its Job template sets `activeDeadlineSeconds` longer than the shortest time between two runs of its
              `schedule` (the deadline says a run may legitimately outlast the period), or
            - it sets no `activeDeadlineSeconds` (a run is not bounded) and its schedule runs at least every 10 minutes.

            The shortest time between runs is computed from the schedule itself: five fields with lists, ranges, steps
            and month or weekday names, or `@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`; a `CRON_TZ=` prefix
            is ignored, and so are daylight-saving shifts. Schedules that do not parse (`@every`, Helm template text)
            and suspended CronJobs are not reported. It is a note: overlapping runs are sometimes harmless (idempotent
            jobs) and the fix is a choice between `Forbid` and `Replace`.

            The finding is on `concurrencyPolicy` when it is set, otherwise on `schedule`.
            """,
        Remediation: "Set spec.concurrencyPolicy: Forbid (skip a run while one is active) or Replace, or bound each run with jobTemplate.spec.activeDeadlineSeconds shorter than the schedule's period.",
        References: [ReliabilityReferences.CronJobs, new("Kubernetes: CronJob concurrency policy", "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy")]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var cron in context.Graph.OfKind("CronJob"))
        {
            if (cron.Group != "batch" || cron.Root.GetMapping("spec") is not { } spec || spec.GetScalar("suspend") is { IsTrue: true })
                continue;
            var policy = spec.GetScalar("concurrencyPolicy");
            if (policy is { IsNull: false } && policy.Text != "Allow")
                continue;
            if (spec.GetScalar("schedule") is not { IsNull: false } schedule || CronSchedule.Parse(schedule.Text)?.ShortestIntervalMinutes() is not { } interval)
                continue;
            var deadline = spec.Find("jobTemplate", "spec", "activeDeadlineSeconds") is YamlScalar s ? s.AsInt64() : null;
            string why;
            if (deadline is { } seconds)
            {
                if (seconds <= interval * 60L)
                    continue;
                why = string.Create(CultureInfo.InvariantCulture, $"a run may last {seconds}s (activeDeadlineSeconds) but schedule '{schedule.Text}' starts runs as little as {Period(interval)} apart");
            }
            else
            {
                if (interval > FrequentMinutes)
                    continue;
                why = string.Create(CultureInfo.InvariantCulture, $"schedule '{schedule.Text}' starts runs as little as {Period(interval)} apart and no activeDeadlineSeconds bounds a run");
            }

            var allows = policy is { IsNull: false } ? "concurrencyPolicy: Allow" : "the default concurrencyPolicy (Allow)";
            yield return context.Report(cron, (YamlNode?)policy ?? schedule, $"CronJob '{cron.Name}' has {allows}, so runs overlap: {why}");
        }
    }

    private static string Period(int minutes) => minutes switch
    {
        1 => "1 minute",
        60 => "1 hour",
        > 60 when minutes % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} hours"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes"),
    };
}
