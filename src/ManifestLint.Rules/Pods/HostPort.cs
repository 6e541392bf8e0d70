using System.Globalization;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class HostPort : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "host-port",
        Summary: "Containers should not bind ports on the node",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A `hostPort` publishes the container's port on the node's own address. That bypasses the Service
            abstraction and often the cluster's network controls, exposes the pod wherever the node is
            reachable, limits scheduling to one such pod per node and port, and lets a workload claim a port
            another node service expects. The Pod Security Standards Baseline profile disallows host ports
            (or restricts them to a known list).

            Each non-zero `ports[].hostPort` of a container, init container or ephemeral container is
            reported at the value; `0` means unset.
            """,
        Remediation: "Remove `hostPort` and reach the pod through a Service (NodePort or LoadBalancer if it must be reachable from outside).",
        References:
        [
            PodSecurityReferences.Baseline,
            PodSecurityReferences.Cis("5.2.13", "Minimize the admission of containers which use HostPorts"),
            new("Kubernetes configuration best practices: Services", "https://kubernetes.io/docs/concepts/configuration/overview/#services"),
        ],
        SecuritySeverity: 5.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("hostPortSet"),
            PeerCheck.Ckv("CKV_K8S_26"),
        ]);

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.Ports is not { } ports)
            yield break;
        foreach (var port in ports.Mappings())
        {
            if (port.GetScalar("hostPort") is not { IsNull: false } hostPort || hostPort.AsInt64() == 0 || hostPort.Text.Trim() is "" or "0")
                continue;
            var number = hostPort.AsInt64()?.ToString(CultureInfo.InvariantCulture) ?? hostPort.Text;
            yield return Report(context, container, hostPort, $"{container.Describe()} binds host port {number} on the node");
        }
    }
}
