using System.Collections.Frozen;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class DangerousCapability : ContainerRule
{
    private static readonly FrozenDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ALL"] = "every Linux capability, close to a privileged container",
        ["SYS_ADMIN"] = "mount filesystems, use namespaces and much more; close to root on the node",
        ["NET_ADMIN"] = "reconfigure interfaces, routes and firewall rules",
        ["NET_RAW"] = "craft raw packets to spoof traffic on the pod network",
        ["SYS_PTRACE"] = "trace and inject into other processes",
        ["SYS_MODULE"] = "load kernel modules",
        ["SYS_RAWIO"] = "raw access to devices and I/O ports",
        ["SYS_BOOT"] = "reboot the node",
        ["SYS_TIME"] = "change the node's clock",
        ["DAC_READ_SEARCH"] = "read any file, a known container escape",
        ["BPF"] = "load eBPF programs into the kernel",
        ["PERFMON"] = "observe other processes through performance monitoring",
        ["SYSLOG"] = "read kernel logs and addresses",
        ["MAC_ADMIN"] = "change the mandatory access control policy",
        ["MAC_OVERRIDE"] = "bypass mandatory access control",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override RuleInfo Info { get; } = new(
        Id: "dangerous-capability",
        Summary: "Containers must not add capabilities beyond the Baseline set",
        Category: Category.PodSecurity,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Capabilities split root's power into pieces, and some pieces are nearly the whole: `SYS_ADMIN`
            covers mounting, namespaces and a long list of administrative operations and is the usual
            ingredient of container escapes; `NET_ADMIN` and `NET_RAW` let a pod tamper with or spoof
            network traffic; `SYS_PTRACE` and `SYS_MODULE` reach into other processes and the kernel.

            The Pod Security Standards Baseline profile allows a container to add only `AUDIT_WRITE`, `CHOWN`,
            `DAC_OVERRIDE`, `FOWNER`, `FSETID`, `KILL`, `MKNOD`, `NET_BIND_SERVICE`, `SETFCAP`, `SETGID`,
            `SETPCAP`, `SETUID` and `SYS_CHROOT`. Every other name in `capabilities.add` is reported, once per
            item and at the item, including `NET_RAW` and `ALL`. Names are compared case-insensitively and with
            or without the `CAP_` prefix, as container runtimes accept them. Windows pods are skipped.
            """,
        Remediation: "Remove the capability from `capabilities.add`; if the workload truly needs it, run it in a namespace with a reviewed exception.",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Cis("5.2.8", "Minimize the admission of containers with the NET_RAW capability"),
            PodSecurityReferences.Cis("5.2.9", "Minimize the admission of containers with added capabilities"),
            PodSecurityReferences.NsaCisa,
            new("capabilities(7): overview of Linux capabilities", "https://man7.org/linux/man-pages/man7/capabilities.7.html"),
        ],
        SecuritySeverity: 8.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("dangerousCapabilities"),
            PeerCheck.Ckv("CKV_K8S_25"),
        ]);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        foreach (var item in CapabilityNames.Items(container.SecurityContext, "add"))
        {
            var name = CapabilityNames.Normalize(item.Text);
            if (CapabilityNames.BaselineAllowed.Contains(name))
                continue;
            var message = Reasons.TryGetValue(name, out var reason)
                ? $"{container.Describe()} adds capability {name} ({reason})"
                : $"{container.Describe()} adds capability {name}, beyond the Pod Security Standards Baseline set";
            yield return Report(context, container, item, message);
        }
    }
}
