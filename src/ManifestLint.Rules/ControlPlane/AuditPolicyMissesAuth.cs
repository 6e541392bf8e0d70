using System.Collections.Immutable;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

public sealed class AuditPolicyMissesAuth : Rule
{
    private static readonly ImmutableArray<AuditRequest> Probes =
    [
        new("system:anonymous", ["system:unauthenticated"], "get", string.Empty, "pods"),
        new("system:anonymous", ["system:unauthenticated"], "get", string.Empty, string.Empty, NonResourceUrl: "/api"),
        AuditRequest.ByUser("create", string.Empty, "serviceaccounts", "token"),
        AuditRequest.ByUser("create", "certificates.k8s.io", "certificatesigningrequests"),
        AuditRequest.ByUser("update", "certificates.k8s.io", "certificatesigningrequests", "approval"),
    ];

    public override RuleInfo Info { get; } = new(
        Id: "audit-policy-misses-auth",
        Summary: "Audit policies must record anonymous access and credential issuance",
        Category: Category.ControlPlane,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Requests by unauthenticated users, new service account tokens and certificate signing requests (and
            their approval) are how credentials come into being or how the API is probed from outside; without
            them in the audit log, a leaked or forged credential cannot be traced. First-match semantics apply.

            CIS Kubernetes Benchmark 3.2.2. kube-bench marks this control manual.
            """,
        Remediation: "Log requests from `system:unauthenticated`, `serviceaccounts/token` creation and `certificatesigningrequests` (including `/approval`) at `Metadata` level or above.",
        References: [ControlPlaneReferences.Cis("3.2.2"), ControlPlaneReferences.Auditing, ControlPlaneReferences.NsaCisa],
        SecuritySeverity: 5.5,
        Tags: ["cis-3.2.2", "control-plane", "audit"]);

    public override IEnumerable<Finding> Check(RuleContext context) => AuditCoverage.Missing(context, Probes, "Authentication events");
}
