using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class PrivilegeEscalationAllowed : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "privilege-escalation-allowed",
        Summary: "Containers must set allowPrivilegeEscalation: false",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            `allowPrivilegeEscalation` controls the kernel's `no_new_privs` flag. While it is not false, a
            process in the container can gain more privileges than its parent had, for example by running a
            setuid-root binary or a file with file capabilities, which turns a foothold as an unprivileged user
            into root inside the container. The field is true unless it is explicitly set to false, so leaving
            it out allows escalation.

            Setting it to false has no effect when the container is also privileged or adds `CAP_SYS_ADMIN`:
            both always imply escalation, and the API server rejects the clearest of these combinations. The
            rule reports them at the `false` value. Windows pods are skipped, since the field does not exist there.
            The Pod Security Standards Restricted profile requires `false` for every container, init container
            and ephemeral container.
            """,
        Remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container (and drop `privileged` and `SYS_ADMIN`).",
        References:
        [
            PodSecurityReferences.Restricted,
            PodSecurityReferences.Cis("5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation"),
            PodSecurityReferences.SecurityContext,
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 6.5,
        PeerChecks:
        [
            PeerCheck.Fairwinds("privilegeEscalationAllowed"),
            PeerCheck.Linter("privilege-escalation-container"),
            PeerCheck.Ckv("CKV_K8S_20"),
        ]);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        var sc = container.SecurityContext;
        var flag = sc?.GetScalar("allowPrivilegeEscalation");
        if (flag is { IsFalse: true })
        {
            if (sc?.GetScalar("privileged") is { IsTrue: true })
                yield return Report(context, container, flag, $"{container.Describe()} sets allowPrivilegeEscalation: false but runs privileged, which always allows escalation");
            else if (CapabilityNames.Adds(sc, "SYS_ADMIN"))
                yield return Report(context, container, flag, $"{container.Describe()} sets allowPrivilegeEscalation: false but adds SYS_ADMIN, which always allows escalation");
        }
        else if (flag is { IsTrue: true })
        {
            yield return Report(context, container, flag, $"{container.Describe()} allows privilege escalation");
        }
        else if (flag is { IsNull: false })
        {
            yield return Report(context, container, flag, $"{container.Describe()} sets allowPrivilegeEscalation to {PodSecurityText.Value(flag)}; it must be the boolean false");
        }
        else
        {
            yield return Report(context, container, container.SecurityContextAnchor, $"{container.Describe()} does not set allowPrivilegeEscalation: false (it defaults to true)");
        }
    }
}
