using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class RbacPodExec : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "rbac-pod-exec",
        Summary: "Roles should not grant exec or attach into Pods",
        Category: Category.Rbac,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            `pods/exec` and `pods/attach` run commands inside running containers: the holder gets the container's
            files, its mounted Secrets and its ServiceAccount token. Streaming connections use `get` over
            WebSockets and `create` over SPDY, so both verbs count.

            RBAC never extends a rule on `pods` to its subresources: only `pods/exec`, `*/exec` or `resources: ["*"]`
            grant it, and the rule matches exactly that (aggregated rules included). The finding is on the rule item;
            a binding in the input to a built-in role that allows it (`edit`, `admin`) is reported on its `roleRef`.
            Partial input: a role is reported whether or not the input binds it.
            """,
        Remediation: "Remove `pods/exec` and `pods/attach` from roles given to workloads; grant them to people through a separate, audited role.",
        References: [RbacReferences.GoodPractices, RbacReferences.Rbac],
        SecuritySeverity: 6.5,
        PeerChecks:
        [
            PeerCheck.Fairwinds("clusterrolePodExecAttach"),
            PeerCheck.Fairwinds("rolePodExecAttach"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context) =>
        RolePermissionFindings.Check(context, DangerousPermissions.ExecIntoPods, _ => Severity.Warning);
}
