using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class RbacPodCreation : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "rbac-pod-creation",
        Summary: "Roles should not grant creating Pods or workloads without need",
        Category: Category.Rbac,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Whoever can create a Pod, or create or change a workload that makes Pods (Deployments, DaemonSets,
            StatefulSets, ReplicaSets, Jobs, CronJobs, ReplicationControllers), can run a Pod as any
            ServiceAccount of the namespace and mount any Secret, ConfigMap or volume there: the permission is
            a path to every other permission in the namespace. The Kubernetes RBAC good practices list it as a
            privilege escalation risk.

            The rule matches the role's rules with RBAC's semantics (wildcards and aggregated rules count) and is
            placed on the rule item that grants it. A binding in the input to a built-in role that allows it
            (`edit`, `admin`) is reported on the binding's `roleRef`. Deployment tools need this permission; give
            it to them in the namespaces they deploy to, not cluster-wide, and suppress the finding with a reason.
            Partial input: a role is reported whether or not the input binds it, since a binding made elsewhere grants it.
            """,
        Remediation: "Limit create/update/patch on Pods and workload kinds to the deployment tooling, in the namespaces it manages.",
        References: [RbacReferences.PrivilegeEscalation, RbacReferences.Rbac],
        SecuritySeverity: 6.0,
        PeerChecks:
        [
            PeerCheck.Linter("access-to-create-pods"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context) =>
        RolePermissionFindings.Check(context, DangerousPermissions.CreatePods, _ => Severity.Warning);
}
