using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

public sealed class AuditPolicyMissesRbacChanges : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "audit-policy-misses-rbac-changes",
        Summary: "Audit policies must record changes to RBAC",
        Category: Category.ControlPlane,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Creating or changing Roles, ClusterRoles and their bindings is how privileges are granted and how an
            intruder keeps access. Those writes must reach the audit log, judged with first-match semantics.

            CIS Kubernetes Benchmark 3.2.2. kube-bench marks this control manual.
            """,
        Remediation: "Log writes to `roles`, `rolebindings`, `clusterroles` and `clusterrolebindings` (group `rbac.authorization.k8s.io`) at `Metadata` level or above.",
        References: [ControlPlaneReferences.Cis("3.2.2"), ControlPlaneReferences.Auditing, ControlPlaneReferences.NsaCisa],
        SecuritySeverity: 6.5,
        Tags: ["cis-3.2.2", "control-plane", "audit"]);

    public override IEnumerable<Finding> Check(RuleContext context) =>
        AuditCoverage.Missing(context, AuditCoverage.Writes("rbac.authorization.k8s.io", "roles", "rolebindings", "clusterroles", "clusterrolebindings"), "Changes to RBAC");
}
