using ManifestLint.Core.Rules;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.References;

public sealed class ServiceSelectsNoPods : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "service-selects-no-pods",
        Summary: "A Service's selector should match some pod",
        Category: Category.References,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: $$"""
            A Service whose selector matches no pod has no endpoints: clients get connection refused or time out, and
            nothing in the manifests says why. It is nearly always a label renamed on one side only, or a Service in a
            different namespace from its workload (selectors never cross namespaces).

            A Service without a selector (or with `selector: {}`) is managed by hand through Endpoints or
            EndpointSlices and is never reported; neither is an `ExternalName` Service.

            {{ReferenceLinks.PartialInput}} The finding is on the Service's `selector`.
            """,
        Remediation: "Make the selector match the labels of the workload's pod template, in the Service's namespace.",
        References: [ReferenceLinks.Services, ReferenceLinks.Labels],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Score("service-targets-pod"),
            PeerCheck.Linter("dangling-service"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        foreach (var service in graph.OfKind("Service"))
        {
            if (service.Group.Length != 0 || service.Root.GetMapping("spec") is not { } spec || spec.GetString("type") == "ExternalName")
                continue;
            if (LabelSelector.ReadMap(spec["selector"]) is not { IsEmpty: false } selector || !scope.SeesPodsOf(service.Namespace))
                continue;
            if (scope.MayHoldOperatorPods(service.Namespace) || selector.SelectPods(graph, service.Namespace).Any())
                continue;
            yield return context.Report(service, (YamlNode?)spec.GetKey("selector") ?? selector.Node,
                $"Service '{service.Name}' selects no pod in namespace '{service.Namespace}' (selector {selector})");
        }
    }
}
