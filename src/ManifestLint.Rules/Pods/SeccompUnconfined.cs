using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class SeccompUnconfined : PodTemplateRule
{
    private const string PodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    private const string ContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    public override RuleInfo Info { get; } = new(
        Id: "seccomp-unconfined",
        Summary: "Containers must run with the RuntimeDefault or a Localhost seccomp profile",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Seccomp filters the system calls a process may make. The container runtime's default profile
            blocks a few dozen calls that applications do not need and that kernel exploits and container
            escapes rely on (`unshare`, `keyctl`, `bpf`, `mount`, ...). Unless the kubelet is started with
            `--seccomp-default`, Kubernetes runs containers `Unconfined`, with no filter at all, when the pod
            does not ask for a profile.

            A container is confined when its own `seccompProfile.type` is `RuntimeDefault` or `Localhost`, or
            when it sets none and the pod-level `securityContext.seccompProfile` does. The legacy annotations
            `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<name>`
            (`runtime/default`, `docker/default`, `localhost/...`) count as well. An explicit `Unconfined`,
            which the Baseline profile forbids, is always reported at that value. When no container is
            confined the rule reports once at the pod; otherwise it reports each unconfined container. Windows
            pods are skipped: seccomp does not exist there.
            """,
        Remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or `Localhost` with a reviewed profile).",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Restricted,
            new("Kubernetes: Restrict a Container's Syscalls with seccomp", "https://kubernetes.io/docs/tutorials/security/seccomp/"),
            PodSecurityReferences.Cis("5.7.2", "Ensure that the seccomp profile is set to docker/default in your pod definitions"),
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 5.5,
        PeerChecks:
        [
            PeerCheck.Ckv("CKV_K8S_31"),
        ]);

    private enum Status
    {
        Missing,
        Confined,
        Unconfined,
        Invalid,
    }

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        var annotations = pod.Metadata?.GetMapping("annotations");

        var (podStatus, podNode) = FromField(pod.SecurityContext);
        if (podStatus == Status.Missing)
            (podStatus, podNode) = FromAnnotation(annotations?.GetScalar(PodAnnotation));
        if (podNode is not null && podStatus is Status.Unconfined or Status.Invalid)
            yield return context.Report(pod.Owner, podNode, $"{pod.Describe()} {Problem(podStatus, podNode, " for the whole pod")}");

        List<ContainerView>? missing = null;
        foreach (var container in pod.AllContainers)
        {
            var (status, node) = FromField(container.SecurityContext);
            if (status == Status.Missing)
                (status, node) = FromAnnotation(annotations?.GetScalar(ContainerAnnotationPrefix + container.Name));
            if (node is not null && status is Status.Unconfined or Status.Invalid)
                yield return context.Report(pod.Owner, node, $"{container.Describe()} {Problem(status, node, string.Empty)}");
            else if (status == Status.Missing && podStatus == Status.Missing)
                (missing ??= []).Add(container);
        }

        if (missing is null)
            yield break;
        if (missing.Count == pod.AllContainers.Length)
        {
            var anchor = (YamlNode?)pod.Spec.GetKey("securityContext") ?? pod.SpecAnchor;
            yield return context.Report(pod.Owner, anchor, $"{pod.Describe()} sets no seccomp profile, so its containers run without a syscall filter");
            yield break;
        }

        foreach (var container in missing)
            yield return context.Report(pod.Owner, container.SecurityContextAnchor, $"{container.Describe()} sets no seccomp profile and the pod sets none either");
    }

    private static (Status Status, YamlScalar? Node) FromField(YamlMapping? securityContext)
    {
        if (securityContext?.Find("seccompProfile", "type") is not YamlScalar { IsNull: false } type)
            return (Status.Missing, null);
        return type.Text switch
        {
            "RuntimeDefault" or "Localhost" => (Status.Confined, type),
            "Unconfined" => (Status.Unconfined, type),
            _ => (Status.Invalid, type),
        };
    }

    private static (Status Status, YamlScalar? Node) FromAnnotation(YamlScalar? annotation)
    {
        if (annotation is not { IsNull: false })
            return (Status.Missing, null);
        var value = annotation.Text;
        if (value is "runtime/default" or "docker/default" || value.StartsWith("localhost/", StringComparison.Ordinal))
            return (Status.Confined, annotation);
        return value == "unconfined" ? (Status.Unconfined, annotation) : (Status.Invalid, annotation);
    }

    private static string Problem(Status status, YamlScalar node, string scope) => status == Status.Unconfined
        ? $"disables seccomp (Unconfined){scope}"
        : $"sets seccomp profile '{node.Text}'{scope}, which is neither RuntimeDefault nor Localhost";
}
