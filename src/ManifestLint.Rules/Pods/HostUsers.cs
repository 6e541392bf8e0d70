using System.Collections.Immutable;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class HostUsers : PodTemplateRule
{
    private static readonly ImmutableArray<string> HostNamespaceFields = ["hostNetwork", "hostPID", "hostIPC"];

    public override RuleInfo Info { get; } = new(
        Id: "host-users",
        Summary: "Pods should run in a user namespace (hostUsers: false)",
        Category: Category.PodSecurity,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            With `hostUsers: false` the pod gets its own user namespace: UIDs in the containers map to an
            unprivileged range on the node, so root in a container is not root on the node, and capabilities
            count only inside the pod. Several container-escape vulnerabilities were harmless for pods with
            user namespaces. The field defaults to true (no user namespace); user namespaces are on by
            default since Kubernetes 1.33 and need a recent kernel and container runtime on the node.

            This is hardening rather than a defect, so the rule reports at note level, at `hostUsers: true`
            or at the pod's `spec`. User namespaces cannot be combined with `hostNetwork`, `hostPID` or
            `hostIPC`; for such pods the message says so. Windows pods are skipped.
            """,
        Remediation: "Set `spec.hostUsers: false` in the pod template, after checking that the nodes support user namespaces.",
        References:
        [
            new("Kubernetes: User Namespaces", "https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/"),
            new("Kubernetes: Use a User Namespace With a Pod", "https://kubernetes.io/docs/tasks/configure-pod-container/user-namespaces/"),
            PodSecurityReferences.KernelConstraints,
        ],
        SecuritySeverity: 3.0);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        var flag = pod.Spec.GetScalar("hostUsers");
        if (flag is { IsFalse: true })
            yield break;
        YamlNode node = flag is { IsNull: false } ? flag : pod.SpecAnchor;
        List<string>? shared = null;
        foreach (var field in HostNamespaceFields)
        {
            if (pod.Spec.GetScalar(field) is { IsTrue: true })
                (shared ??= []).Add(field);
        }

        var message = shared is not null
            ? $"{pod.Describe()} does not run in a user namespace; it cannot until it stops using {Join(shared)} (user namespaces cannot be combined with host namespaces)"
            : flag is { IsNull: false }
                ? $"{pod.Describe()} sets hostUsers to {PodSecurityText.Value(flag)}, so root in its containers is root on the node"
                : $"{pod.Describe()} does not set hostUsers: false, so root in its containers is root on the node";
        yield return context.Report(pod.Owner, node, message);
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
}
