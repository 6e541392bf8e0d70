using ManifestLint.Core.Model;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.References;

public sealed class MissingServiceAccount : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "missing-service-account",
        Summary: "Pods should run as a ServiceAccount that exists",
        Category: Category.References,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            The API server refuses to create a pod whose ServiceAccount does not exist, so a Deployment with a
            misspelled `serviceAccountName` rolls out no pod at all, and the error shows only in the ReplicaSet's
            events. The `default` ServiceAccount exists in every namespace and is never missing.

            Partial input: a chart often relies on a ServiceAccount created by another chart or by the platform, so the
            rule judges only namespaces the input owns (its Namespace object is in the input), or every namespace when
            the input is complete (`--complete` or `complete: true` in the config file). The finding is on
            `serviceAccountName`.
            """,
        Remediation: "Add the ServiceAccount to the manifests, or fix `serviceAccountName`.",
        References: [new("Kubernetes: Configure Service Accounts for Pods", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/")],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Linter("non-existent-service-account"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        foreach (var pod in graph.PodTemplates)
        {
            var name = pod.ServiceAccountName;
            if (name == "default" || pod.ServiceAccountNode is not { } node || !scope.Owns(pod.Namespace))
                continue;
            if (graph.Get(new ResourceKey(string.Empty, "ServiceAccount", pod.Namespace, name)).IsEmpty)
                yield return context.Report(pod.Owner, node, $"{pod.Describe()} runs as ServiceAccount '{name}', which is not defined in namespace '{pod.Namespace}'");
        }
    }
}
