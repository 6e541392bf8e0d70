using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class RbacSecretsAccess : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "rbac-secrets-access",
        Summary: "Roles should not grant read access to Secrets",
        Category: Category.Rbac,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            `get`, `list` or `watch` on `secrets` hands over every credential stored in the namespace: ServiceAccount
            tokens, registry credentials, TLS keys, database passwords. `list` and `watch` return the Secrets'
            contents too, so "only list" is no safer than `get`. Granted through a ClusterRoleBinding it covers
            every namespace, including `kube-system`; that is reported as an error, a grant limited to one
            namespace as a warning.

            The rule reads the role's rules with RBAC's own matching: `resources: ["*"]`, `verbs: ["*"]` and
            `apiGroups: ["*"]` count, and so do rules a ClusterRole takes through aggregation. A rule limited
            by `resourceNames` is still reported (with the names), since it is a deliberate but narrower grant.
            The finding is placed on the rule item that grants it (the `secrets` or `*` entry). A binding in the
            input to one of Kubernetes' built-in roles that read Secrets (`edit`, `admin`) is reported on its
            `roleRef`. A rule that grants everything is left to `cluster-admin-binding` and `wildcard-rbac-rule`.

            Partial input: only bindings in the input are seen. A role with no binding there is still reported (its
            rules are what a binding made elsewhere would grant), as a warning, scoped "wherever it is bound".
            """,
        Remediation: "Grant Secrets access only to the workload that needs it, with `resourceNames` naming its own Secrets, in a Role bound in its namespace.",
        References: [RbacReferences.GoodPractices, RbacReferences.Rbac, RbacReferences.Cis],
        SecuritySeverity: 7.0,
        PeerChecks:
        [
            PeerCheck.Linter("access-to-secrets"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context) =>
        RolePermissionFindings.Check(context, DangerousPermissions.ReadSecrets, clusterWide => clusterWide ? Severity.Error : Severity.Warning);
}
