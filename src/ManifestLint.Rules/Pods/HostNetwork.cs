using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class HostNetwork : PodFlagRule
{
    public override RuleInfo Info { get; } = new(
        Id: "host-network",
        Summary: "Pods must not use the node's network namespace",
        Category: Category.PodSecurity,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            With `hostNetwork: true` the pod shares the node's network stack: it can listen on and connect
            from the node's addresses, reach services bound to the node's loopback interface (the kubelet's
            read-only and health ports, local agents, cloud metadata endpoints), observe traffic of other
            pods and bypass NetworkPolicies, which do not apply to host-network pods. The Pod Security
            Standards Baseline profile forbids it.

            Only a YAML boolean counts (`true`, `yes`, `on`); the finding points at the value.
            """,
        Remediation: "Remove `hostNetwork: true`; expose the pod through a Service (or a `hostPort` if it must be reachable on the node's address).",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Cis("5.2.5", "Minimize the admission of containers wishing to share the host network namespace"),
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 8.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("hostNetworkSet"),
            PeerCheck.Linter("host-network"),
            PeerCheck.Ckv("CKV_K8S_19"),
        ]);

    protected override string Field => "hostNetwork";

    protected override string Message(PodTemplateView pod) => $"{pod.Describe()} shares the node's network namespace (hostNetwork)";
}
