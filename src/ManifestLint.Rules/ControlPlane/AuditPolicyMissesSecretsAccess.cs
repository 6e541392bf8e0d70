using System.Collections.Immutable;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

public sealed class AuditPolicyMissesSecretsAccess : Rule
{
    private static readonly ImmutableArray<AuditRequest> Probes =
    [
        AuditRequest.ByUser("get", string.Empty, "secrets"),
        AuditRequest.ByUser("list", string.Empty, "secrets"),
        AuditRequest.ByUser("watch", string.Empty, "secrets"),
        new("system:serviceaccount:default:app", ["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"], "get", string.Empty, "secrets"),
    ];

    public override RuleInfo Info { get; } = new(
        Id: "audit-policy-misses-secrets-access",
        Summary: "Audit policies must record who reads secrets",
        Category: Category.ControlPlane,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Reading Secrets is how an attacker moves from one foothold to the rest of the cluster. If get, list
            or watch on `secrets` falls to a `level: None` rule (or to no rule at all), that trail is lost. The
            policy is judged with first-match semantics, including requests by service accounts.

            CIS Kubernetes Benchmark 3.2.2. kube-bench marks this control manual.
            """,
        Remediation: "Log `secrets` at `level: Metadata` in a rule placed before any `level: None` rule that would match them.",
        References: [ControlPlaneReferences.Cis("3.2.2"), ControlPlaneReferences.Auditing, ControlPlaneReferences.NsaCisa],
        SecuritySeverity: 6.5,
        Tags: ["cis-3.2.2", "control-plane", "audit"]);

    public override IEnumerable<Finding> Check(RuleContext context) => AuditCoverage.Missing(context, Probes, "Reads of secrets");
}
