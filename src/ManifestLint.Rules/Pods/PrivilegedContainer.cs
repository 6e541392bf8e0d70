using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class PrivilegedContainer : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "privileged-container",
        Summary: "Containers must not run privileged",
        Category: Category.PodSecurity,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A privileged container runs with every Linux capability, no seccomp or AppArmor confinement and
            access to all of the node's devices. Whoever controls its process can load kernel modules, mount
            the host's disks and escape to the node, and from the node reach every other pod scheduled there
            and the kubelet's credentials. Privileged mode switches off nearly all the isolation a container
            normally has, which is why the Pod Security Standards Baseline profile forbids it.

            On Windows nodes the equivalent is a HostProcess container (`windowsOptions.hostProcess: true`),
            which runs directly on the host; the rule reports it too. Containers, init containers and ephemeral
            containers are all checked, and only a YAML boolean counts (`true`, `yes`, `on`).
            """,
        Remediation: "Remove `privileged: true` (and `hostProcess: true`) and grant only the specific capability or device the workload needs.",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Cis("5.2.2", "Minimize the admission of privileged containers"),
            PodSecurityReferences.Cis("5.2.11", "Minimize the admission of Windows HostProcess containers"),
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 9.0,
        PeerChecks:
        [
            PeerCheck.Score("container-security-context-privileged"),
            PeerCheck.Fairwinds("runAsPrivileged"),
            PeerCheck.Fairwinds("hostProcess"),
            PeerCheck.Linter("privileged-container"),
            PeerCheck.Ckv("CKV_K8S_16"),
        ]);

    protected override IEnumerable<Finding> CheckPodLevel(RuleContext context, PodTemplateView pod)
    {
        if (HostProcess(pod.SecurityContext) is { } podHostProcess)
            yield return context.Report(pod.Owner, podHostProcess, $"{pod.Describe()} runs all its containers as Windows HostProcess containers, with full access to the node");
    }

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.SecurityContext?.GetScalar("privileged") is { IsTrue: true } privileged)
            yield return Report(context, container, privileged, $"{container.Describe()} runs privileged");
        if (HostProcess(container.SecurityContext) is { } hostProcess)
            yield return Report(context, container, hostProcess, $"{container.Describe()} runs as a Windows HostProcess container, with full access to the node");
    }

    private static YamlScalar? HostProcess(YamlMapping? securityContext) =>
        securityContext?.Find("windowsOptions", "hostProcess") is YamlScalar { IsTrue: true } s ? s : null;
}
