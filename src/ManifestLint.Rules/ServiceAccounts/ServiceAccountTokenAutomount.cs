using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.ServiceAccounts;

public sealed class ServiceAccountTokenAutomount : PodTemplateRule
{
    public override RuleInfo Info { get; } = new(
        Id: "service-account-token-automount",
        Summary: "Pods should not mount a ServiceAccount token unless they call the Kubernetes API",
        Category: Category.ServiceAccounts,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            By default every pod gets a token for its ServiceAccount mounted at
            `/var/run/secrets/kubernetes.io/serviceaccount`. Most applications never talk to the Kubernetes
            API, but anyone who gets code execution in the container can read that token and act with every
            permission granted to the ServiceAccount (and to the `system:serviceaccounts` groups), which is a
            common first step of lateral movement in a cluster.

            Kubernetes mounts the token unless the pod sets `automountServiceAccountToken: false`, or the pod
            leaves it unset and its ServiceAccount sets `automountServiceAccountToken: false`. The rule reads
            both: when the pod's ServiceAccount is in the input and opts out, and the pod does not override it
            with `true`, nothing is reported. A quoted `"false"` is a string, not an opt-out (the API server
            rejects it). The finding points at the pod's setting when it has one, else at the pod's `spec:`. A pod that does need the API should keep the token and use a dedicated ServiceAccount
            with least-privilege RBAC.
            """,
        Remediation: "Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount) unless the workload calls the Kubernetes API.",
        References:
        [
            new("Kubernetes: Configure service accounts for pods, opt out of API credential automounting", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"),
            new("CIS Kubernetes Benchmark 5.1.6: Ensure that Service Account Tokens are only mounted where necessary", "https://www.cisecurity.org/benchmark/kubernetes"),
            new("NSA/CISA Kubernetes Hardening Guide (v1.2): pod security, service account tokens", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF"),
        ],
        SecuritySeverity: 5.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("automountServiceAccountToken"),
            PeerCheck.Ckv("CKV_K8S_38"),
        ]);

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        var automount = TokenAutomount.Of(context.Graph, pod);
        if (!automount.Mounted)
            yield break;
        if (automount.PodSetting is { IsTrue: true } explicitTrue)
        {
            yield return context.Report(pod.Owner, explicitTrue, $"{pod.Describe()} asks for an API token for ServiceAccount '{pod.ServiceAccountName}' with automountServiceAccountToken: true");
            yield break;
        }

        if (automount.PodSetting is { IsNull: false } notBool)
        {
            yield return context.Report(pod.Owner, notBool,
                $"{pod.Describe()} sets automountServiceAccountToken to '{notBool.Text}', which is not a boolean: the API server rejects it, and it does not opt out of the token");
            yield break;
        }

        var related = automount.ServiceAccount is { } account
            ? [RuleContext.Related(account.AnchorNode, $"ServiceAccount '{account.Name}' does not set automountServiceAccountToken: false")]
            : Array.Empty<RelatedLocation>();
        yield return context.Report(pod.Owner, pod.SpecAnchor,
            $"{pod.Describe()} mounts an API token for ServiceAccount '{pod.ServiceAccountName}': neither the pod nor the ServiceAccount sets automountServiceAccountToken: false", related);
    }
}
