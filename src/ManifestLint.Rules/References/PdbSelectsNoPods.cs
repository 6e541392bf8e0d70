using ManifestLint.Core.Rules;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.References;

public sealed class PdbSelectsNoPods : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "pdb-selects-no-pods",
        Summary: "A PodDisruptionBudget's selector should match some pod",
        Category: Category.References,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: $$"""
            A PodDisruptionBudget that selects no pod protects nothing during node drains and upgrades: the workload it
            was written for can lose every replica at once. Selection follows the API: `matchLabels` and
            `matchExpressions` against pod template labels in the PDB's namespace. An absent or null selector selects no
            pod; `selector: {}` selects every pod of the namespace in `policy/v1` but none in `policy/v1beta1`. Those
            two cases are always reported.

            {{ReferenceLinks.PartialInput}} The finding is on the `selector` (or the `spec` when it is absent).
            """,
        Remediation: "Make the selector match the labels of the workload's pod template, in the PDB's namespace.",
        References: [new("Kubernetes: Specifying a Disruption Budget", "https://kubernetes.io/docs/tasks/run-application/configure-pdb/"), ReferenceLinks.Labels],
        SecuritySeverity: 2.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        foreach (var pdb in graph.OfKind("PodDisruptionBudget"))
        {
            if (pdb.Root.GetMapping("spec") is not { } spec)
                continue;
            var selector = LabelSelector.Read(spec["selector"]);
            var node = (YamlNode?)spec.GetKey("selector") ?? (YamlNode?)pdb.Root.GetKey("spec") ?? pdb.AnchorNode;
            if (selector is null)
            {
                yield return context.Report(pdb, node, $"PodDisruptionBudget '{pdb.Name}' has no selector, so it selects no pod");
                continue;
            }

            if (selector.IsEmpty)
            {
                if (pdb.Version == "v1beta1")
                    yield return context.Report(pdb, node, $"PodDisruptionBudget '{pdb.Name}' has an empty selector, which selects no pod in policy/v1beta1");
                continue;
            }

            if (!scope.SeesPodsOf(pdb.Namespace) || scope.MayHoldOperatorPods(pdb.Namespace) || selector.SelectPods(graph, pdb.Namespace).Any())
                continue;
            yield return context.Report(pdb, node, $"PodDisruptionBudget '{pdb.Name}' selects no pod in namespace '{pdb.Namespace}' (selector {selector})");
        }
    }
}
