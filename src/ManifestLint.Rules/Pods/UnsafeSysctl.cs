using System.Collections.Frozen;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class UnsafeSysctl : PodTemplateRule
{
    private static readonly FrozenSet<string> Safe = FrozenSet.Create(
        StringComparer.Ordinal,
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time",
        "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes");

    public override RuleInfo Info { get; } = new(
        Id: "unsafe-sysctl",
        Summary: "Pods must set only sysctls from the safe set",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            `spec.securityContext.sysctls` changes kernel parameters for the pod. Kubernetes considers a sysctl
            safe only when the kernel namespaces it per pod and it cannot hurt other pods on the node; others
            can weaken protections or exhaust resources node-wide, and the kubelet refuses pods that use them
            unless the node explicitly allows each one. The Pod Security Standards Baseline profile allows only
            `kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.ip_unprivileged_port_start`,
            `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_local_reserved_ports`,
            `net.ipv4.tcp_keepalive_time`, `net.ipv4.tcp_fin_timeout`, `net.ipv4.tcp_keepalive_intvl` and
            `net.ipv4.tcp_keepalive_probes`.

            Each other name is reported at the name. Names written with `/` separators
            (`net/ipv4/tcp_syncookies`) are read as Kubernetes reads them. Windows pods are skipped.
            """,
        Remediation: "Remove the sysctl, or tune it on the node (for example with a node tuning operator) instead of from the pod.",
        References:
        [
            PodSecurityReferences.Baseline,
            new("Kubernetes: Using sysctls in a Kubernetes Cluster", "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"),
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 6.0,
        PeerChecks:
        [
            PeerCheck.Linter("unsafe-sysctls"),
        ]);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        if (pod.SecurityContext?.GetSequence("sysctls") is not { } sysctls)
            yield break;
        foreach (var sysctl in sysctls.Mappings())
        {
            if (sysctl.GetScalar("name") is not { IsNull: false } name)
                continue;
            var normalized = Normalize(name.Text.Trim());
            if (!Safe.Contains(normalized))
                yield return context.Report(pod.Owner, name, $"{pod.Describe()} sets sysctl '{normalized}', which is not in the safe set");
        }
    }

    /// <summary>Kubernetes accepts <c>/</c> as the separator when it comes first; then <c>/</c> and <c>.</c> swap roles.</summary>
    private static string Normalize(string name)
    {
        var first = name.IndexOfAny(['.', '/']);
        if (first < 0 || name[first] == '.')
            return name;
        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] switch { '/' => '.', '.' => '/', var c => c };
        });
    }
}
