using System.Collections.Frozen;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.References;

public sealed class HpaTargetMissing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "hpa-target-missing",
        Summary: "A HorizontalPodAutoscaler's scaleTargetRef should name a workload that exists",
        Category: Category.References,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            An autoscaler whose `scaleTargetRef` names nothing scales nothing: the workload it was written for keeps a
            fixed replica count under load. The reference is matched on kind, name and the HPA's namespace (the API
            group of `apiVersion` is not required to match, so `apps/v1` and `extensions/v1beta1` both find a
            Deployment).

            Partial input: the workload may be deployed from elsewhere, so the rule judges an HPA only when its
            namespace is owned by the input (its Namespace object is there), the input holds at least one pod template
            in that namespace, or the input is complete (`--complete` or `complete: true` in the config file). The
            finding is on `scaleTargetRef.name`.
            """,
        Remediation: "Fix `scaleTargetRef` (kind and name) to point at the workload in the HPA's namespace, or delete the HPA.",
        References: [new("Kubernetes: Horizontal Pod Autoscaling", "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/")],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Score("horizontalpodautoscaler-has-target"),
            PeerCheck.Linter("dangling-horizontalpodautoscaler"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var hpas = graph.OfKind("HorizontalPodAutoscaler");
        if (hpas.IsEmpty)
            yield break;
        var scope = new InputScope(graph);
        var existing = graph.Resources.Select(r => (r.Kind, r.Namespace, r.Name)).ToFrozenSet();
        foreach (var hpa in hpas)
        {
            if (hpa.Root.Find("spec", "scaleTargetRef") is not YamlMapping target || target.GetScalar("name") is not { IsNull: false } name)
                continue;
            var kind = target.GetString("kind") ?? string.Empty;
            if (existing.Contains((kind, hpa.Namespace, name.Text)) || !scope.SeesPodsOf(hpa.Namespace))
                continue;
            yield return context.Report(hpa, name, $"HorizontalPodAutoscaler '{hpa.Name}' targets {kind} '{name.Text}', which is not defined in namespace '{hpa.Namespace}'");
        }
    }
}
