using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Reliability;

public sealed class ServiceNodePort : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "service-node-port",
        Summary: "Services should not be of type NodePort",
        Category: Category.Network,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A `NodePort` Service opens the same port on every node of the cluster, on every node address, usually
            bypassing the load balancer, TLS termination and the firewall rules that guard the ingress path. Ports come
            from a small shared range (30000-32767), so they clash between teams, and node addresses change with the
            node pool. An Ingress, a Gateway or a `LoadBalancer` Service is the usual way in.

            `LoadBalancer` Services also allocate node ports and are not reported. The finding is on the `type` value.
            """,
        Remediation: "Expose the workload through an Ingress or Gateway (Service type ClusterIP), or a LoadBalancer Service.",
        References: [ReliabilityReferences.NodePorts],
        PeerChecks:
        [
            PeerCheck.Score("service-type"),
            PeerCheck.Linter("exposed-services"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var service in context.Graph.OfKind("Service"))
        {
            if (service.Group.Length == 0 && service.Root.Find("spec", "type") is Core.Yaml.YamlScalar { Text: "NodePort" } type)
                yield return context.Report(service, type, $"Service '{service.Name}' is of type NodePort, which opens a port on every node");
        }
    }
}
