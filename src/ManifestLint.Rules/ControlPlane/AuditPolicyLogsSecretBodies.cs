using System.Collections.Immutable;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.ControlPlane;

public sealed class AuditPolicyLogsSecretBodies : Rule
{
    private static readonly ImmutableArray<AuditRequest> Probes =
    [
        AuditRequest.ByUser("get", string.Empty, "secrets"),
        AuditRequest.ByUser("list", string.Empty, "secrets"),
        AuditRequest.ByUser("create", string.Empty, "secrets"),
        AuditRequest.ByUser("update", string.Empty, "secrets"),
        AuditRequest.ByUser("patch", string.Empty, "secrets"),
        AuditRequest.ByUser("get", string.Empty, "configmaps"),
        AuditRequest.ByUser("create", string.Empty, "configmaps"),
        AuditRequest.ByUser("update", string.Empty, "configmaps"),
        AuditRequest.ByUser("create", "authentication.k8s.io", "tokenreviews"),
        AuditRequest.ByUser("create", string.Empty, "serviceaccounts", "token"),
    ];

    public override RuleInfo Info { get; } = new(
        Id: "audit-policy-logs-secret-bodies",
        Summary: "Audit policies must not log the bodies of secrets, configmaps or token reviews",
        Category: Category.ControlPlane,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            At `Request` or `RequestResponse` level the audit log stores request and response bodies. For
            Secrets, ConfigMaps (which often hold credentials), TokenReviews and service account token requests,
            that copies credentials in clear text into log files and every system they are shipped to.
            The policy is judged with the API server's first-match semantics: the first rule that matches a
            request decides its level.

            CIS Kubernetes Benchmark 3.2.2 (the audit policy covers key security concerns). kube-bench marks it
            manual: it cannot judge the policy's content.
            """,
        Remediation: "Add a rule with `level: Metadata` for `secrets`, `configmaps`, `tokenreviews` and `serviceaccounts/token` before any rule that logs at `Request` or `RequestResponse`.",
        References: [ControlPlaneReferences.Cis("3.2.2"), ControlPlaneReferences.Auditing, ControlPlaneReferences.NsaCisa],
        SecuritySeverity: 7.0,
        Tags: ["cis-3.2.2", "control-plane", "audit"]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (policy, related) in AuditCoverage.Policies(context))
        {
            var groups = new Dictionary<YamlMapping, (string Level, List<string> Requests)>();
            var order = new List<YamlMapping>();
            foreach (var probe in Probes)
            {
                var level = policy.LevelOf(probe, out var matched);
                if (matched is null || level is not ("Request" or "RequestResponse"))
                    continue;
                if (!groups.TryGetValue(matched, out var g))
                {
                    groups[matched] = g = (level, []);
                    order.Add(matched);
                }

                g.Requests.Add(probe.Describe());
            }

            foreach (var rule in order)
            {
                var (level, requests) = groups[rule];
                var node = (YamlNode?)rule.GetScalar("level") ?? rule;
                yield return context.Report(policy.Resource, node, $"Level {level} records request bodies of: {string.Join(", ", requests)}", related);
            }
        }
    }
}
