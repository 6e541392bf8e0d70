using System.Collections.Immutable;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

public sealed class AuditPolicyMissesWorkloadChanges : Rule
{
    private static readonly ImmutableArray<AuditRequest> Probes =
    [
        .. AuditCoverage.Writes(string.Empty, "pods"),
        .. AuditCoverage.Writes("apps", "deployments", "daemonsets", "statefulsets"),
        .. AuditCoverage.Writes("batch", "jobs", "cronjobs"),
        AuditRequest.ByUser("create", string.Empty, "pods", "exec"),
        AuditRequest.ByUser("create", string.Empty, "pods", "attach"),
        AuditRequest.ByUser("create", string.Empty, "pods", "portforward"),
    ];

    public override RuleInfo Info { get; } = new(
        Id: "audit-policy-misses-workload-changes",
        Summary: "Audit policies must record workload changes and exec sessions",
        Category: Category.ControlPlane,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            New or changed Pods, Deployments, DaemonSets, StatefulSets, Jobs and CronJobs, and exec, attach or
            port-forward into pods, are how code gets run in a cluster. The audit log must keep them; the policy
            is judged with first-match semantics.

            CIS Kubernetes Benchmark 3.2.2. kube-bench marks this control manual.
            """,
        Remediation: "Log writes to workload resources and `pods/exec`, `pods/attach`, `pods/portforward` at `Metadata` level or above.",
        References: [ControlPlaneReferences.Cis("3.2.2"), ControlPlaneReferences.Auditing, ControlPlaneReferences.NsaCisa],
        SecuritySeverity: 5.5,
        Tags: ["cis-3.2.2", "control-plane", "audit"]);

    public override IEnumerable<Finding> Check(RuleContext context) => AuditCoverage.Missing(context, Probes, "Workload changes");
}
