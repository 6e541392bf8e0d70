using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.ServiceAccounts;

public sealed class DefaultServiceAccount : PodTemplateRule
{
    private const string Default = "default";

    public override RuleInfo Info { get; } = new(
        Id: "default-service-account",
        Summary: "Pods that use the Kubernetes API should run as a dedicated ServiceAccount, not `default`",
        Category: Category.ServiceAccounts,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Every namespace has a `default` ServiceAccount, and every pod that names no other account runs as
            it. Permissions granted to `default` for one workload are therefore silently shared by every
            other pod in the namespace, including ones added later, and audit logs cannot tell the workloads
            apart. A dedicated ServiceAccount per workload keeps RBAC grants least-privilege and attributable.

            The rule flags pods that run as `default`, whether they name it (`serviceAccountName: default`)
            or name nothing. A pod that does not mount an API token at all (`automountServiceAccountToken:
            false` on the pod, or on the `default` ServiceAccount in the input without a pod-level `true`)
            has no API identity to share and is not flagged; `service-account-token-automount` covers that
            setting.
            """,
        Remediation: "Create a ServiceAccount for the workload, grant it only the RBAC it needs, and set `serviceAccountName` to it.",
        References:
        [
            new("Kubernetes: Service accounts", "https://kubernetes.io/docs/concepts/security/service-accounts/"),
            new("CIS Kubernetes Benchmark 5.1.5: Ensure that default service accounts are not actively used", "https://www.cisecurity.org/benchmark/kubernetes"),
            new("Kubernetes: RBAC good practices", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"),
        ],
        SecuritySeverity: 4.0,
        PeerChecks:
        [
            PeerCheck.Linter("default-service-account"),
        ]);

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        if (pod.ServiceAccountName != Default || !TokenAutomount.Of(context.Graph, pod).Mounted)
            yield break;
        if (pod.ServiceAccountNode is { IsNull: false, Text: Default } named)
            yield return context.Report(pod.Owner, named, $"{pod.Describe()} runs as the default ServiceAccount");
        else
            yield return context.Report(pod.Owner, pod.SpecAnchor, $"{pod.Describe()} names no ServiceAccount, so it runs as the default ServiceAccount");
    }
}
