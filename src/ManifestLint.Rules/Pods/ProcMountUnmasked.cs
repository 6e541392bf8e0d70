using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class ProcMountUnmasked : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "proc-mount-unmasked",
        Summary: "Containers must use the default masked /proc",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            By default the container runtime masks and makes read-only the parts of `/proc` that expose the
            node's kernel (`/proc/kcore`, `/proc/sysrq-trigger`, `/proc/sys`, ...). `procMount: Unmasked`
            removes that protection, which lets the container read kernel memory information and change
            kernel settings the mask normally hides. It exists for nested container runtimes in user
            namespaces; the Pod Security Standards Baseline profile allows only `Default`.

            Each container, init container or ephemeral container whose `procMount` is set to anything other than
            `Default` is reported at the value: `Unmasked`, but also a misspelling or a value a future runtime may
            read differently, since Baseline allows only `Default` or no value. Windows pods are skipped.
            """,
        Remediation: "Remove `procMount` (or set it to `Default`).",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.SecurityContext,
        ],
        SecuritySeverity: 6.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("procMount"),
            PeerCheck.Linter("unsafe-proc-mount"),
        ]);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.SecurityContext?.GetScalar("procMount") is not { IsNull: false } procMount || procMount.Text == "Default")
            yield break;
        yield return procMount.Text == "Unmasked"
            ? Report(context, container, procMount, $"{container.Describe()} mounts /proc unmasked, exposing the node's kernel interfaces")
            : Report(context, container, procMount, $"{container.Describe()} sets procMount to {PodSecurityText.Value(procMount)}; only Default (or no value) keeps /proc masked");
    }
}
