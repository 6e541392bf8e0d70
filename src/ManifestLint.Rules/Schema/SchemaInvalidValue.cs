using ManifestLint.Core.Rules;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

public sealed class SchemaInvalidValue : SchemaProblemRule
{
    public override RuleInfo Info { get; } = new(
        Id: "schema-invalid-value",
        Summary: "Enum fields, quantities and API versions must hold values the Kubernetes API accepts",
        Category: Category.Schema,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Some string fields take a closed set of values (`imagePullPolicy: Always | IfNotPresent | Never`,
            `protocol: TCP | UDP | SCTP`, a Service's `type`); the allowed values come from the Go API types of
            Kubernetes (1.30 for older targets, 1.36 for newer). Quantities (`resources`, `emptyDir.sizeLimit`)
            must be a number with an optional suffix (`500m`, `128Mi`). A kind or version that a built-in API
            group does not have (`apps/v1` `Deploymnet`) is reported here too. The API server rejects all of these.
            """,
        Remediation: "Use one of the values listed in the message (the closest one is suggested).",
        References: [ApiConventions, new("Kubernetes: resource units", "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#resource-units-in-kubernetes")]);

    protected override SchemaProblem? Problem => SchemaProblem.InvalidValue;
}
