namespace ManifestLint.Core.Rules;

/// <summary>
/// The id of every ValidatingAdmissionPolicy finding (ManifestLint.Admission reports them); its severity comes from the
/// binding's <c>validationActions</c>. It lives here so the rule catalogue and the docs know it without that project.
/// </summary>
public static class AdmissionProblems
{
    public static RuleInfo AdmissionPolicy { get; } = new(
        "admission-policy", "Objects must pass the ValidatingAdmissionPolicies bound to them", Category.Admission, Severity.Error,
        EnabledByDefault: true, Since: "0.2.0",
        """
            ValidatingAdmissionPolicy objects (admissionregistration.k8s.io v1 and v1beta1) found in the input or given with
            `--policy` are evaluated offline as the API server would on CREATE: the binding's and the policy's match
            resources, match conditions, variables, params and validations, in CEL. Each failed validation is reported
            on the field its expression read last, with the policy's expression and the binding as related locations.
            The severity is the binding's validationActions: Deny is an error, Warn a warning, Audit a note. Policies
            that do not compile, params that are missing and expressions that exceed the cost budget are reported on
            the policy file, at the expression. A policy without a binding has no effect unless `--policy-unbound` is
            given.
            """,
        "Change the object so the policy's expression holds, or change the policy or its binding if the object is a deliberate exception.",
        [
            new RuleReference("Validating Admission Policy", "https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/"),
            new RuleReference("CEL in Kubernetes", "https://kubernetes.io/docs/reference/using-api/cel/"),
        ],
        SecuritySeverity: 5.0);
}
