using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class RbacEscalationVerbs : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "rbac-escalation-verbs",
        Summary: "Roles must not grant permissions that escalate privileges",
        Category: Category.Rbac,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Some permissions lift their holder past RBAC itself: `escalate` on roles (write rules it does not hold),
            `bind` on roles (bind any role, cluster-admin included), `impersonate` on users, groups or
            ServiceAccounts (act as them), `create` on `serviceaccounts/token` (mint a token for any ServiceAccount
            it can name), approving CertificateSigningRequests (`update` on `certificatesigningrequests/approval`
            or `approve` on signers: issue client certificates for any identity), and `nodes/proxy` (the kubelet
            API, which can exec into every Pod on the node). The Kubernetes RBAC good practices list each of them.

            Matching follows RBAC (wildcards, `*/token`-style subresource wildcards and aggregated rules count). The
            finding is on the verb or resource item that grants it; a binding in the input to a built-in role that
            grants one (`edit` and `admin` may impersonate ServiceAccounts and mint their tokens) is reported on the
            binding's `roleRef`. Partial input: a role is reported whether or not the input binds it.
            """,
        Remediation: "Remove the verb or resource from the role; give escalation rights only to cluster administrators through a dedicated ClusterRole.",
        References: [RbacReferences.PrivilegeEscalation, RbacReferences.Rbac],
        SecuritySeverity: 8.5);

    public override IEnumerable<Finding> Check(RuleContext context) =>
        RolePermissionFindings.Check(context, DangerousPermissions.Escalation, _ => Severity.Error);
}
