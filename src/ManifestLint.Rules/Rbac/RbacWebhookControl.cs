using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class RbacWebhookControl : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "rbac-webhook-control",
        Summary: "Roles must not grant control of admission webhooks",
        Category: Category.Rbac,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A MutatingWebhookConfiguration receives, and may rewrite, every object the API server admits: whoever can
            create or change one can read Secrets as they are written and inject containers into every Pod. Whoever
            can change or delete a ValidatingWebhookConfiguration can switch off the policy checks it enforces.
            Both are cluster-scoped, so the grant is effective only through a ClusterRoleBinding, but a role that
            holds it is one binding away from it.

            The rule matches create, update, patch and delete on `mutatingwebhookconfigurations` and
            `validatingwebhookconfigurations` in `admissionregistration.k8s.io`, with RBAC's wildcards and aggregated
            rules, and is placed on the resource item that grants it. Partial input: a role is reported whether or not
            the input binds it.
            """,
        Remediation: "Keep write access to webhook configurations with cluster administrators and the one controller that manages its own webhook (limited by `resourceNames`).",
        References: [RbacReferences.PrivilegeEscalation, new("Kubernetes: Dynamic Admission Control", "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/")],
        SecuritySeverity: 8.0);

    public override IEnumerable<Finding> Check(RuleContext context) =>
        RolePermissionFindings.Check(context, DangerousPermissions.WebhookControl, _ => Severity.Error);
}
