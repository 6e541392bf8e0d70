using ManifestLint.Core.Rules;
using ManifestLint.Schemas;
using static ManifestLint.Rules.Schema.ApiLifecycleCheck;

namespace ManifestLint.Rules.Schema;

public sealed class ApiDeprecated : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "api-deprecated",
        Summary: "Resources should not use an API version deprecated in the target Kubernetes version",
        Category: Category.Schema,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A deprecated API version still works, but it is scheduled for removal (beta APIs at most three releases
            after deprecation) and the API server already answers with a warning. Moving early is cheap; moving
            during the upgrade that removes it is not. The message names the version that deprecated it, the one
            that removes it when known, and the replacement.
            """,
        Remediation: "Move the resource to the replacement API version named in the message.",
        References: ApiLifecycleCheck.References);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var target = SchemaAnalysis.TargetOf(context.Graph.Options);
        foreach (var resource in context.Graph.Resources)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (status, entry) = Of(resource, target);
            if (status != Status.Deprecated)
                continue;
            var removal = entry!.Removed is { } r ? $", removed in {Minor(r)}" : string.Empty;
            yield return context.Report(resource, Anchor(resource), $"{resource.ApiVersion} {resource.Kind} is deprecated since Kubernetes {Minor(entry.Deprecated!.Value)}{removal} (target {target.Name}){Replacement(entry)}");
        }
    }
}
