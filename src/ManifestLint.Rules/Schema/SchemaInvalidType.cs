using ManifestLint.Core.Rules;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

public sealed class SchemaInvalidType : SchemaProblemRule
{
    public override RuleInfo Info { get; } = new(
        Id: "schema-invalid-type",
        Summary: "Field values must have the type the Kubernetes API expects",
        Category: Category.Schema,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Kubernetes reads manifests as YAML 1.1 and turns them into JSON before the API server decodes them, so
            a value's type is decided by how it is written: `containerPort: "80"` is a string, `value: yes` and
            `value: on` are booleans, `mode: 0755` is the octal number 493, `version: 1e3` is a number. The API
            server rejects an object whose field has the wrong JSON type (`cannot unmarshal string into Go struct
            field ... of type int32`).

            The rule follows the API server's decoding: integers also accept whole floats, `int-or-string` fields
            take either, quantities take numbers or strings, and `null` leaves any field unset. The message names
            the YAML 1.1 reading when it is the likely surprise.
            """,
        Remediation: "Write the value with the expected type: quote strings that look like numbers or booleans, unquote numbers.",
        References:
        [
            FieldValidation,
            new("YAML 1.1 boolean and integer types", "https://yaml.org/type/bool.html"),
        ]);

    protected override SchemaProblem? Problem => SchemaProblem.InvalidType;
}
