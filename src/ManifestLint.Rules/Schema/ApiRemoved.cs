using ManifestLint.Core.Rules;
using ManifestLint.Schemas;
using static ManifestLint.Rules.Schema.ApiLifecycleCheck;

namespace ManifestLint.Rules.Schema;

public sealed class ApiRemoved : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "api-removed",
        Summary: "Resources must use an API version the target Kubernetes version serves",
        Category: Category.Schema,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Kubernetes removes deprecated API versions on a published schedule: `extensions/v1beta1` Ingress in
            1.22, `batch/v1beta1` CronJob and `policy/v1beta1` PodSecurityPolicy in 1.25, the `flowcontrol` betas
            in 1.26, 1.29 and 1.32. A manifest that still uses one fails to apply after the cluster upgrade, usually
            in the middle of a release. The rule also reports an API version that the target version does not
            serve yet.

            The target is `--kube-version` (default the newest embedded minor). The lifecycle table reconciles the
            API specs of every minor 1.16–1.36 (which versions each minor serves) with pluto's deprecation list (when
            an API was deprecated and what replaces it), with the Kubernetes deprecated API migration guide as the
            tie-breaker.
            """,
        Remediation: "Move the resource to the replacement API version named in the message (check the migration guide for changed fields).",
        References: ApiLifecycleCheck.References);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var target = SchemaAnalysis.TargetOf(context.Graph.Options);
        foreach (var resource in context.Graph.Resources)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (status, entry) = Of(resource, target);
            if (status == Status.Removed)
            {
                var deprecated = entry!.Deprecated is { } d ? $" (deprecated in {Minor(d)})" : string.Empty;
                yield return context.Report(resource, Anchor(resource), $"{resource.ApiVersion} {resource.Kind} was removed in Kubernetes {Minor(entry.Removed!.Value)}{deprecated} and is not served by the target {target.Name}{Replacement(entry)}");
            }
            else if (status == Status.NotYetServed)
            {
                yield return context.Report(resource, Anchor(resource), $"{resource.ApiVersion} {resource.Kind} is served from Kubernetes {Minor(entry!.Introduced!.Value)} on, not by the target {target.Name}");
            }
        }
    }
}
