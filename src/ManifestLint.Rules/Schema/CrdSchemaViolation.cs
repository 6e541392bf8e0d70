using ManifestLint.Core.Rules;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

public sealed class CrdSchemaViolation : SchemaProblemRule
{
    public override RuleInfo Info { get; } = new(
        Id: "crd-schema-violation",
        Summary: "Custom resources must match the schema of their CustomResourceDefinition",
        Category: Category.Schema,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A custom resource is validated by the `openAPIV3Schema` of its CustomResourceDefinition: unknown fields
            (pruned, or rejected with strict field validation, unless `x-kubernetes-preserve-unknown-fields`), types
            (`x-kubernetes-int-or-string` included), required fields, string enums, and duplicate keys in
            `x-kubernetes-list-type: map` lists. CRDs come from the input (plain files, a chart's rendered
            templates), from `--crd PATH` and from `crds:` in `.manifestlint.yaml`; a custom resource whose version
            the CRD does not serve is reported too. Custom resources of kinds with no CRD are not judged, unless
            `--complete` says the input is everything. Defaults are not applied, and `x-kubernetes-validations`
            (CEL) rules are not evaluated.
            """,
        Remediation: "Fix the field named in the message, or give the CRD that matches the custom resource's version.",
        References:
        [
            new("Kubernetes: CustomResourceDefinition validation", "https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation"),
            new("Kubernetes: field pruning", "https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-pruning"),
        ]);

    protected override SchemaProblem? Problem => null;

    protected override bool Custom => true;
}
