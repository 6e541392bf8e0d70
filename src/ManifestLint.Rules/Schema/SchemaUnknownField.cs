using ManifestLint.Core.Rules;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

public sealed class SchemaUnknownField : SchemaProblemRule
{
    public override RuleInfo Info { get; } = new(
        Id: "schema-unknown-field",
        Summary: "Fields must exist in the Kubernetes API of the target version",
        Category: Category.Schema,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A misspelled or misplaced field (`resource:` for `resources:`, a `livenessProbe` indented under
            `resources`) is not an error in YAML. With strict field validation (`kubectl apply --validate=strict`,
            the default for server-side apply) the API server rejects the object; with the older lenient default it
            silently drops the field, and the pod runs without the limits or the probe that the manifest appears to
            set. Every rule that reads such a field is then judging something the cluster never sees.

            Each key is checked against the schema of its kind in the target Kubernetes version (`--kube-version`,
            default the newest embedded minor), `metadata` included. `status` is not checked: the API server ignores
            it on create. The message names the field path and the closest known field.
            """,
        Remediation: "Rename the field to the one suggested, or move it to the object it belongs to.",
        References: [FieldValidation, ApiConventions]);

    protected override SchemaProblem? Problem => SchemaProblem.UnknownField;
}
