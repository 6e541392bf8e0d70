using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class HostPathVolume : PodTemplateRule
{
    public override RuleInfo Info { get; } = new(
        Id: "host-path-volume",
        Summary: "Pods should not mount directories of the node",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A `hostPath` volume mounts a file or directory of the node into the pod. It ties the pod to one
            node's contents, survives the pod, and above all crosses the isolation boundary: what the pod
            writes lands on the node, and what the node keeps becomes readable to the pod. The Pod Security
            Standards Baseline profile forbids `hostPath` volumes.

            Every `hostPath` volume is a warning. Paths that hand over the node are errors: `/`, `/etc`,
            `/proc`, `/sys`, `/dev`, `/boot`, `/root`, `/home`, the container runtime's sockets
            (`/var/run/docker.sock`, `/run/containerd/containerd.sock`, `/var/run/crio/crio.sock`, ...),
            `/var/lib/kubelet`, `/var/lib/docker`, `/var/lib/containerd`, `/var/lib/etcd`, anything below them,
            and any parent directory that contains one of them (such as `/var` or `/run`). Paths are compared
            after resolving `.`, `..`, repeated slashes and the `/var/run` to `/run` symlink. On Windows
            nodes, a drive root and the runtime's named pipes are sensitive. The finding points at the `path`.
            """,
        Remediation: "Use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim instead; if a node agent truly needs a host path, mount the narrowest path read-only.",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Cis("5.2.12", "Minimize the admission of HostPath volumes"),
            new("Kubernetes: hostPath volumes", "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"),
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 7.5,
        PeerChecks:
        [
            PeerCheck.Fairwinds("hostPathSet"),
            PeerCheck.Linter("sensitive-host-mounts"),
            PeerCheck.Linter("docker-sock"),
            PeerCheck.Linter("writable-host-mount"),
            PeerCheck.Ckv("CKV_K8S_27"),
        ]);

    protected override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        if (pod.Volumes is not { } volumes)
            yield break;
        foreach (var volume in volumes.Mappings())
        {
            if (volume.GetEntry("hostPath") is not { } entry)
                continue;
            var name = volume.GetString("name") ?? "(unnamed)";
            if (entry.Value is not YamlMapping hostPath || hostPath.GetScalar("path") is not { IsNull: false } path)
            {
                yield return context.Report(pod.Owner, entry.Key, $"{pod.Describe()} mounts a host path from the node (volume '{name}')");
                continue;
            }

            yield return SensitiveHostPaths.Reason(path.Text) is { } reason
                ? context.Report(pod.Owner, path, $"{pod.Describe()} mounts the sensitive host path '{path.Text}' (volume '{name}'): {reason}", Severity.Error)
                : context.Report(pod.Owner, path, $"{pod.Describe()} mounts the host path '{path.Text}' from the node (volume '{name}')");
        }
    }
}
