using ManifestLint.Core.Rules;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

public sealed class SchemaMissingRequired : SchemaProblemRule
{
    public override RuleInfo Info { get; } = new(
        Id: "schema-missing-required",
        Summary: "Required fields of the Kubernetes API must be set",
        Category: Category.Schema,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            The API marks some fields as required: a container's `name`, a Deployment's `selector` and `template`,
            a Service port's `port`, an env var's `name`. An object without them is rejected at deploy time, often
            long after review. A field set to `null` counts as missing. The finding is on the object that lacks
            the field (its key when it has one).
            """,
        Remediation: "Add the missing field to the object named in the message.",
        References: [ApiConventions, new("Kubernetes API reference", "https://kubernetes.io/docs/reference/kubernetes-api/")]);

    protected override SchemaProblem? Problem => SchemaProblem.MissingRequired;
}
