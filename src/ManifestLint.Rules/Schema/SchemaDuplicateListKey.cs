using ManifestLint.Core.Rules;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

public sealed class SchemaDuplicateListKey : SchemaProblemRule
{
    public override RuleInfo Info { get; } = new(
        Id: "schema-duplicate-list-key",
        Summary: "Lists keyed by a field must not repeat a key",
        Category: Category.Schema,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Lists such as `containers` (keyed by `name`), `env` (by `name`) and `ports` (by `containerPort` and
            `protocol`) are maps in disguise: strategic merge and server-side apply match entries by their key. Two
            entries with the same key are rejected (two containers named the same) or merged unpredictably (the
            second `env` entry with a name silently wins, server-side apply refuses the object). The key fields
            come from the API's `x-kubernetes-list-map-keys` and patch merge keys; a missing `protocol` counts as
            `TCP`, its default.
            """,
        Remediation: "Remove or rename the duplicate entry so each key appears once.",
        References: [new("Kubernetes: merge strategy and list types", "https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy"), ApiConventions]);

    protected override SchemaProblem? Problem => SchemaProblem.DuplicateListKey;
}
