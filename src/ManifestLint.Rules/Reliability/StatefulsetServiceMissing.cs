using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.References;

namespace ManifestLint.Rules.Reliability;

public sealed class StatefulsetServiceMissing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "statefulset-service-missing",
        Summary: "A StatefulSet's serviceName must name a headless Service in its namespace",
        Category: Category.References,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A StatefulSet's pods get stable DNS names (`<pod>.<serviceName>.<namespace>.svc`) only through the headless
            Service its `serviceName` names. When that Service does not exist, or has a cluster IP, the names do not
            resolve, and members of a database or consensus cluster cannot find each other.

            Partial input: the Service may come from elsewhere, so a missing one is reported only when the input owns
            the namespace, holds other Services there, or is complete. A Service that exists but is not headless
            (`clusterIP: None`) is always reported. A note: many stateful workloads (caches, queue consumers, members
            that find each other through a gossip ring) never use the per-pod names, and popular charts point
            `serviceName` at an ordinary Service; whether the names matter is the workload's to say. The finding is on
            `serviceName`.
            """,
        Remediation: "Add a Service with clusterIP: None whose selector matches the StatefulSet's pods, named as serviceName says.",
        References: [ReliabilityReferences.StatefulSets],
        PeerChecks:
        [
            PeerCheck.Score("statefulset-has-servicename"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        foreach (var set in graph.OfKind("StatefulSet"))
        {
            if (set.Root.Find("spec", "serviceName") is not YamlScalar { IsNull: false, Text.Length: > 0 } name || set.Namespace is null)
                continue;
            var service = graph.Find("Service", set.Namespace, name.Text);
            if (service is null)
            {
                if (scope.Owns(set.Namespace) || graph.InNamespace(set.Namespace).Any(r => r.Kind == "Service" && r.Group.Length == 0))
                    yield return context.Report(set, name, $"StatefulSet '{set.Name}' names Service '{name.Text}', which is not in namespace '{set.Namespace}' of the input, so its pods get no DNS names");
                continue;
            }

            if (service.Root.Find("spec", "clusterIP") is not YamlScalar { Text: "None" })
            {
                yield return context.Report(set, name, $"StatefulSet '{set.Name}' names Service '{name.Text}', which is not headless (clusterIP: None), so its pods get no DNS names",
                    RuleContext.Related((YamlNode?)service.Root.GetKey("spec") ?? service.AnchorNode, $"Service '{service.Name}'"));
            }
        }
    }
}
