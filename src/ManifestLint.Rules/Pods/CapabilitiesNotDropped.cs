using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class CapabilitiesNotDropped : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "capabilities-not-dropped",
        Summary: "Containers must drop all Linux capabilities",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Container runtimes grant a default set of Linux capabilities (such as `CHOWN`, `DAC_OVERRIDE`,
            `SETUID`, `NET_RAW` and more) to every container, whether the application uses them or not.
            Each one is a privilege an attacker inherits: `NET_RAW` allows packet spoofing on the pod
            network, `DAC_OVERRIDE` bypasses file permissions. Dropping `ALL` and adding back only what the
            application needs (usually nothing, sometimes `NET_BIND_SERVICE`) removes them.

            The Pod Security Standards Restricted profile requires `drop: [ALL]` on every container, init
            container and ephemeral container, and Pod Security Admission matches the upper-case `ALL` only,
            so a lower-case `all` is reported. Windows pods are skipped: capabilities do not exist there.
            """,
        Remediation: "Add `securityContext.capabilities.drop: [ALL]` and add back only the capabilities the process needs.",
        References:
        [
            PodSecurityReferences.Restricted,
            PodSecurityReferences.Cis("5.2.10", "Minimize the admission of containers with capabilities assigned"),
            PodSecurityReferences.NsaCisa,
            new("capabilities(7): overview of Linux capabilities", "https://man7.org/linux/man-pages/man7/capabilities.7.html"),
        ],
        SecuritySeverity: 5.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("insecureCapabilities"),
            PeerCheck.Linter("drop-net-raw-capability"),
            PeerCheck.Ckv("CKV_K8S_28"),
            PeerCheck.Ckv("CKV_K8S_37"),
        ]);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        var drops = CapabilityNames.Items(container.SecurityContext, "drop").ToList();
        if (drops.Any(s => string.Equals(s.Text, "ALL", StringComparison.Ordinal)))
            yield break;
        if (drops.FirstOrDefault(s => string.Equals(CapabilityNames.Normalize(s.Text), "ALL", StringComparison.Ordinal)) is { } spelled)
        {
            yield return Report(context, container, spelled, $"{container.Describe()} drops '{spelled.Text}'; Pod Security Admission recognises only the upper-case ALL");
            yield break;
        }

        var capabilities = container.SecurityContext?.GetMapping("capabilities");
        YamlNode node = (YamlNode?)capabilities?.GetKey("drop") ?? (YamlNode?)container.SecurityContext?.GetKey("capabilities") ?? container.SecurityContextAnchor;
        yield return Report(context, container, node, $"{container.Describe()} does not drop ALL capabilities");
    }
}
