using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.References;

public sealed class ServiceTargetPortMissing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "service-target-port-missing",
        Summary: "A Service's named targetPort should be a container port of the pods it selects",
        Category: Category.References,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A named `targetPort` is resolved on each selected pod by looking up a container port with that name and the
            Service port's protocol. A pod without it is left out of the Service's endpoints, so traffic silently skips
            that workload, or the Service has no endpoints at all. Numeric target ports are not checked: a container may
            listen on a port it does not declare.

            Headless Services (`clusterIP: None`) are skipped: clients resolve the pods' addresses through DNS and connect
            to them directly, so a port that a pod does not name carries no traffic through the Service (StatefulSets'
            peer-discovery Services list every port a cluster may use). Helm and Argo CD hook pods and Jobs (a
            `helm test` connection check, a migration Job) are not Service backends and are not judged.

            Each selected workload that lacks the name is reported on the Service's `targetPort`, with the workload's
            containers as a related location. Services that select no pod are left to `service-selects-no-pods`.
            """,
        Remediation: "Name the container port as the Service's targetPort says (same protocol), or set targetPort to the right name or number.",
        References: [ReferenceLinks.Services, new("Kubernetes: Defining a Service (named ports)", "https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service")],
        SecuritySeverity: 2.0);

    private const int MaxRelated = 5;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        foreach (var service in graph.OfKind("Service"))
        {
            if (service.Group.Length != 0 || service.Root.GetMapping("spec") is not { } spec || spec.GetSequence("ports") is not { } ports)
                continue;
            if (LabelSelector.ReadMap(spec["selector"]) is not { IsEmpty: false } selector || spec.GetString("clusterIP") == "None")
                continue;
            List<PodTemplateView>? pods = null;
            foreach (var port in ports.Mappings())
            {
                if (port.GetScalar("targetPort") is not { IsNull: false } target || target.AsInt64() is not null)
                    continue;
                var protocol = port.GetString("protocol") ?? "TCP";
                pods ??= [.. selector.SelectPods(graph, service.Namespace).Where(pod => pod.Hook is null)];
                // One finding per port, however many pods miss it: a Service over thousands of pods is one mistake
                // at one line, and a finding per pod would make the report grow with services × pods.
                var missing = pods.Where(pod => !HasPort(pod, target.Text, protocol)).ToList();
                if (missing.Count == 0)
                    continue;
                var others = missing.Count > 1 ? $" (nor {missing.Count - 1} other selected pod template(s))" : string.Empty;
                yield return context.Report(service, target,
                    $"Service '{service.Name}' targets port '{target.Text}' ({protocol}), which no container of {missing[0].Describe()} declares{others}",
                    [.. missing.Take(MaxRelated).Select(pod => RuleContext.Related(pod.Spec.GetKey("containers") ?? pod.SpecAnchor, $"containers of {pod.Describe()}"))]);
            }
        }
    }

    private static bool HasPort(PodTemplateView pod, string name, string protocol)
    {
        foreach (var container in pod.AllContainers)
        {
            if (container.Kind == ContainerKind.EphemeralContainer || container.Ports is not { } ports)
                continue;
            foreach (var p in ports.Mappings())
            {
                if (p.GetString("name") == name && (p.GetString("protocol") ?? "TCP") == protocol)
                    return true;
            }
        }

        return false;
    }
}
