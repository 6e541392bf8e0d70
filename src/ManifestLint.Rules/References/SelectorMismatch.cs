using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.References;

public sealed class SelectorMismatch : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "selector-mismatch",
        Summary: "A workload's selector must match its own pod template's labels",
        Category: Category.References,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A controller owns the pods its `spec.selector` matches. When the selector does not match the labels of its
            own pod template, the API server rejects the Deployment, StatefulSet, DaemonSet or ReplicaSet (`selector
            does not match template labels`), and a ReplicationController or Job that slips through would create pods
            it never counts, without end. The check covers Deployments, StatefulSets, DaemonSets, ReplicaSets, Argo
            Rollouts and Jobs with an explicit selector (`matchLabels` and `matchExpressions`), and ReplicationControllers
            (a plain label map; an absent one defaults to the template's labels). An empty selector matches nothing for
            the `apps/v1` kinds, which require one. The finding is on `spec.selector`, with the template's labels as a
            related location.
            """,
        Remediation: "Make `spec.selector` and `spec.template.metadata.labels` agree (the selector usually names a subset of the template's labels).",
        References: [ReferenceLinks.Labels, new("Kubernetes: Deployments (selector)", "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector")],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Linter("mismatching-selector"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var pod in context.Graph.PodTemplates)
        {
            var owner = pod.Owner;
            if (owner.Root.GetMapping("spec") is not { } spec || spec["selector"] is not YamlMapping node)
                continue;
            var isMap = owner.Kind == "ReplicationController";
            if (!isMap && owner.Kind is not ("Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Rollout" or "Job"))
                continue;
            var selector = isMap ? LabelSelector.ReadMap(node)! : LabelSelector.Read(node)!;
            string? problem = null;
            if (selector.IsEmpty)
            {
                if (!isMap && owner.Kind != "Job")
                    problem = "is empty, which matches no pod";
            }
            else if (!selector.Matches(pod.Labels))
            {
                problem = pod.Labels.IsEmpty
                    ? $"({selector}) does not match its pod template, which has no labels"
                    : $"({selector}) does not match its pod template's labels ({string.Join(",", pod.Labels.Select(l => $"{l.Key}={l.Value}"))})";
            }

            if (problem is null)
                continue;
            var key = (YamlNode?)spec.GetKey("selector") ?? node;
            var labels = (YamlNode?)pod.Metadata?.GetKey("labels") ?? pod.SpecAnchor;
            yield return context.Report(owner, key, $"The selector of {pod.Describe()} {problem}", RuleContext.Related(labels, "pod template labels"));
        }
    }
}
