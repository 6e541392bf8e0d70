using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class RunAsRoot : PodTemplateRule
{
    public override RuleInfo Info { get; } = new(
        Id: "run-as-root",
        Summary: "Containers must not run as root",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Without an explicit user, a container runs as whatever user its image declares, and for most
            images that is root (UID 0). Root inside a container is the same UID as root on the node unless
            the pod uses a user namespace, so any breakout, writable host mount or kernel bug is exploited
            with full privileges. `runAsNonRoot: true` makes the kubelet refuse to start a container whose
            user would be 0, whatever the image says.

            The rule applies Kubernetes' precedence: a container's `securityContext` overrides the pod's. A
            container passes when its effective `runAsNonRoot` is true, or when its effective `runAsUser` is an
            explicit non-zero UID. It fails when the effective `runAsUser` is 0 (reported at that value), when
            `runAsNonRoot` is false, or when neither is set. A value set at pod level that several containers
            inherit is reported once, at the pod field. On Windows pods, where `runAsUser` does not exist, a
            `windowsOptions.runAsUserName` other than `ContainerAdministrator` also passes.
            """,
        Remediation: "Set `runAsNonRoot: true` (and a non-zero `runAsUser`) in the pod's `securityContext`, and build the image with a non-root `USER`.",
        References:
        [
            PodSecurityReferences.Restricted,
            PodSecurityReferences.Cis("5.2.7", "Minimize the admission of root containers"),
            PodSecurityReferences.SecurityContext,
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 6.0,
        PeerChecks:
        [
            PeerCheck.Score("container-security-context-user-group-id"),
            PeerCheck.Fairwinds("runAsRootAllowed"),
            PeerCheck.Linter("run-as-non-root"),
            PeerCheck.Ckv("CKV_K8S_23"),
        ]);

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        // A pod-level value inherited by several containers is one mistake in one place: report it once.
        Dictionary<YamlNode, List<ContainerView>>? inherited = null;
        List<(YamlNode Node, Problem Problem)>? order = null;
        foreach (var container in pod.AllContainers)
        {
            var (problem, node) = Evaluate(pod, container);
            if (problem == Problem.None)
                continue;
            if (node is YamlScalar scalar && IsPodLevel(pod, scalar))
            {
                inherited ??= new Dictionary<YamlNode, List<ContainerView>>(ReferenceEqualityComparer.Instance);
                order ??= [];
                if (!inherited.TryGetValue(scalar, out var containers))
                {
                    inherited.Add(scalar, containers = []);
                    order.Add((scalar, problem));
                }

                containers.Add(container);
                continue;
            }

            var who = container.Describe();
            yield return context.Report(pod.Owner, node, problem switch
            {
                Problem.UidZero => $"{who} runs as UID 0 (root)",
                Problem.WindowsAdministrator => $"{who} runs as ContainerAdministrator",
                Problem.NonRootNotTrue => $"{who} sets runAsNonRoot to {PodSecurityText.Value((YamlScalar)node)} and may run as root",
                _ => $"{who} does not set runAsNonRoot: true and may run as root (the image's user applies)",
            });
        }

        if (order is null || inherited is null)
            yield break;
        foreach (var (node, problem) in order)
        {
            var who = PodSecurityText.Containers(inherited[node]);
            yield return context.Report(pod.Owner, node, problem switch
            {
                Problem.UidZero => $"{pod.Describe()} sets runAsUser: 0 for the pod, so {who} run as root",
                Problem.WindowsAdministrator => $"{pod.Describe()} sets runAsUserName: ContainerAdministrator for the pod, so {who} run as administrator",
                _ => $"{pod.Describe()} sets runAsNonRoot to {PodSecurityText.Value((YamlScalar)node)} for the pod, so {who} may run as root",
            });
        }
    }

    private enum Problem
    {
        None,
        UidZero,
        WindowsAdministrator,
        NonRootNotTrue,
        NonRootUnset,
    }

    /// <summary>Whether one container may run as root, and the node that decides it.</summary>
    private static (Problem Problem, YamlNode Node) Evaluate(PodTemplateView pod, ContainerView container)
    {
        var user = pod.IsWindows ? null : Effective(container, "runAsUser");
        if (user?.AsInt64() == 0)
            return (Problem.UidZero, user);

        var windowsUser = pod.IsWindows ? WindowsUser(container) : null;
        if (windowsUser is not null && string.Equals(windowsUser.Text.Trim(), "ContainerAdministrator", StringComparison.OrdinalIgnoreCase))
            return (Problem.WindowsAdministrator, windowsUser);

        var nonRoot = Effective(container, "runAsNonRoot");
        if (nonRoot is { IsTrue: true } || user?.AsInt64() > 0 || windowsUser is { Text.Length: > 0 })
            return (Problem.None, container.Anchor);
        return nonRoot is { IsNull: false }
            ? (Problem.NonRootNotTrue, nonRoot)
            : (Problem.NonRootUnset, container.SecurityContextAnchor);
    }

    /// <summary>Kubernetes' precedence, where an explicit null at container level means unset and so defers to the pod.</summary>
    private static YamlScalar? Effective(ContainerView container, string field) =>
        container.SecurityContext?.GetScalar(field) is { IsNull: false } own ? own
        : container.Pod.SecurityContext?.GetScalar(field) is { IsNull: false } inherited ? inherited
        : null;

    private static YamlScalar? WindowsUser(ContainerView container) =>
        (container.SecurityContext?.Find("windowsOptions", "runAsUserName") as YamlScalar
            ?? container.Pod.SecurityContext?.Find("windowsOptions", "runAsUserName") as YamlScalar) is { IsNull: false } s ? s : null;

    private static bool IsPodLevel(PodTemplateView pod, YamlScalar scalar) =>
        pod.SecurityContext is { } sc && (sc.Entries.Any(e => ReferenceEquals(e.Value, scalar))
            || ReferenceEquals(sc.Find("windowsOptions", "runAsUserName"), scalar));
}
