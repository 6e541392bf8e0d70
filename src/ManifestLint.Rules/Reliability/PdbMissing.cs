using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.References;

namespace ManifestLint.Rules.Reliability;

public sealed class PdbMissing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "pdb-missing",
        Summary: "A workload with more than one replica should have a PodDisruptionBudget",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            Node drains (upgrades, autoscaler scale-downs, spot reclaims) evict pods through the eviction API, which
            respects PodDisruptionBudgets. Without one, a drain may evict every replica of a Deployment or StatefulSet
            at the same moment, and a service that runs several replicas precisely to stay up goes down. A budget with
            `maxUnavailable: 1` (or a `minAvailable` below the replica count) keeps the rest serving.

            A workload counts as replicated when `replicas` is above 1 or an HPA scales it with `minReplicas` above 1.
            Partial input: a budget may come from another file or chart, so the rule judges only namespaces the input
            owns (their Namespace object is there) or a complete input (`--complete`). Helm and Argo CD hooks are not
            judged. The finding is on `replicas` (else the workload's `spec`).
            """,
        Remediation: "Add a PodDisruptionBudget whose selector matches the workload's pods, with maxUnavailable: 1 (or a minAvailable below the replica count).",
        References: [ReliabilityReferences.Disruptions],
        PeerChecks:
        [
            PeerCheck.Score("deployment-has-poddisruptionbudget"),
            PeerCheck.Score("statefulset-has-poddisruptionbudget"),
            PeerCheck.Fairwinds("missingPodDisruptionBudget"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        var disruption = new Disruption(graph);
        var autoscaling = new Autoscaling(graph);
        foreach (var pod in graph.PodTemplates)
        {
            if (!Disruption.IsReplicated(pod) || !scope.Owns(pod.Namespace) || disruption.BudgetsOf(pod).Count > 0)
                continue;
            var hpa = autoscaling.Of(pod.Owner);
            var replicas = hpa is not null ? Autoscaling.MinReplicas(hpa) : Disruption.Replicas(pod.Owner) ?? 0;
            if (replicas < 2)
                continue;
            YamlNode node = (YamlNode?)pod.Owner.Root.Find("spec", "replicas") ?? (YamlNode?)pod.Owner.Root.GetKey("spec") ?? pod.Owner.AnchorNode;
            yield return context.Report(pod.Owner, node, $"{pod.Describe()} runs {replicas} replicas but no PodDisruptionBudget selects its pods, so a node drain may evict them all at once");
        }
    }
}
