using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class HostIpc : PodFlagRule
{
    public override RuleInfo Info { get; } = new(
        Id: "host-ipc",
        Summary: "Pods must not share the node's IPC namespace",
        Category: Category.PodSecurity,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            With `hostIPC: true` the pod shares System V IPC objects and POSIX message queues with the node
            and with every other host-IPC process: shared memory segments (`/dev/shm`) that other programs
            use can be read or corrupted, and semaphores and queues can be tampered with. The Pod Security
            Standards Baseline profile forbids it.

            Only a YAML boolean counts (`true`, `yes`, `on`); the finding points at the value.
            """,
        Remediation: "Remove `hostIPC: true`; containers of the same pod already share an IPC namespace.",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Cis("5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace"),
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 7.5,
        PeerChecks:
        [
            PeerCheck.Fairwinds("hostIPCSet"),
            PeerCheck.Linter("host-ipc"),
            PeerCheck.Ckv("CKV_K8S_18"),
        ]);

    protected override string Field => "hostIPC";

    protected override string Message(PodTemplateView pod) => $"{pod.Describe()} shares the node's IPC namespace (hostIPC)";
}
