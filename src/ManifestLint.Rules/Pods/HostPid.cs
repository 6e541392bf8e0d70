using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class HostPid : PodFlagRule
{
    public override RuleInfo Info { get; } = new(
        Id: "host-pid",
        Summary: "Pods must not share the node's process ID namespace",
        Category: Category.PodSecurity,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            With `hostPID: true` the pod sees every process on the node, including those of other pods and
            of the kubelet. It can read their command lines and environment variables (where credentials
            often are), send them signals, and, with ptrace or root, enter their namespaces through
            `/proc/<pid>/root`, which is a direct route to the node. The Pod Security Standards Baseline
            profile forbids it.

            Only a YAML boolean counts (`true`, `yes`, `on`); the finding points at the value.
            """,
        Remediation: "Remove `hostPID: true`; to share processes between the pod's own containers use `shareProcessNamespace: true`.",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Cis("5.2.3", "Minimize the admission of containers wishing to share the host process ID namespace"),
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 8.5,
        PeerChecks:
        [
            PeerCheck.Fairwinds("hostPIDSet"),
            PeerCheck.Linter("host-pid"),
            PeerCheck.Ckv("CKV_K8S_17"),
        ]);

    protected override string Field => "hostPID";

    protected override string Message(PodTemplateView pod) => $"{pod.Describe()} shares the node's process ID namespace (hostPID)";
}
