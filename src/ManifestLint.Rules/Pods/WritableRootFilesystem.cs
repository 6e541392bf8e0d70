using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class WritableRootFilesystem : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "writable-root-filesystem",
        Summary: "Containers should mount their root filesystem read-only",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A writable root filesystem lets an intruder change the container itself: drop tools and
            binaries, replace libraries or configuration the application reads, and persist across process
            restarts within the same container. With `readOnlyRootFilesystem: true` the image stays exactly
            what was built and scanned, and every place the application may write is an explicit volume
            (an `emptyDir` for `/tmp`, a cache directory), which is visible in review.

            The field is false unless set, so the rule reports containers that leave it out, at their
            `securityContext` (or name). Windows pods are skipped: the field cannot be set for them.
            """,
        Remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume wherever the application needs to write.",
        References:
        [
            PodSecurityReferences.SecurityContext,
            PodSecurityReferences.NsaCisa,
            new("Kubernetes: emptyDir volumes", "https://kubernetes.io/docs/concepts/storage/volumes/#emptydir"),
        ],
        SecuritySeverity: 4.0,
        PeerChecks:
        [
            PeerCheck.Score("container-security-context-readonlyrootfilesystem"),
            PeerCheck.Fairwinds("notReadOnlyRootFilesystem"),
            PeerCheck.Linter("no-read-only-root-fs"),
            PeerCheck.Ckv("CKV_K8S_22"),
        ]);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        var flag = container.SecurityContext?.GetScalar("readOnlyRootFilesystem");
        if (flag is { IsTrue: true })
            yield break;
        yield return flag is { IsNull: false }
            ? Report(context, container, flag, $"{container.Describe()} sets readOnlyRootFilesystem to {PodSecurityText.Value(flag)}, so its root filesystem is writable")
            : Report(context, container, container.SecurityContextAnchor, $"{container.Describe()} does not set readOnlyRootFilesystem: true");
    }
}
