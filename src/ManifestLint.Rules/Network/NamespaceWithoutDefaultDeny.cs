using ManifestLint.Core.Model;
using ManifestLint.Core.Network;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.References;

namespace ManifestLint.Rules.Network;

public sealed class NamespaceWithoutDefaultDeny : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "namespace-without-default-deny",
        Summary: "Namespaces should have a default-deny NetworkPolicy for Ingress and for Egress",
        Category: Category.Network,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Kubernetes allows all traffic to and from a pod until some NetworkPolicy selects it. A policy that selects
            every pod of the namespace (`podSelector: {}`) for a policy type makes "deny" the default for that
            direction, so a workload added later, or one whose labels drift away from its policy, is isolated instead
            of wide open. Ingress and Egress are judged separately and give separate findings: a policy without
            `policyTypes` applies to Ingress always and to Egress only when it has egress rules.

            Partial input: the absence of a policy proves something only about a namespace the input owns, so the
            rule judges namespaces whose Namespace object is in the input, or every namespace when the input is
            complete (`--complete` or `complete: true` in the config file). The finding is on the Namespace's name
            (with a complete input and no Namespace object, on the first resource of the namespace). `kube-system`,
            `kube-public` and `kube-node-lease` are skipped. A namespace with a Cilium or Calico policy is left to that
            engine and not judged.
            """,
        Remediation: "Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress, Egress]` to the namespace, then allow the traffic each workload needs.",
        References: [NetworkReferences.DefaultPolicies, NetworkReferences.NetworkPolicies],
        SecuritySeverity: 5.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        var index = NetworkPolicyIndex.Build(graph);
        foreach (var ns in scope.JudgedNamespaces)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (NetworkReferences.IsSystemNamespace(ns) || index.OtherEnginePolicies(ns).Any())
                continue;
            var subject = graph.Get(new ResourceKey(string.Empty, "Namespace", null, ns)).FirstOrDefault()
                ?? graph.InNamespace(ns).OrderBy(r => r.Key).FirstOrDefault();
            if (subject is null)
                continue;
            foreach (var direction in (PolicyDirection[])[PolicyDirection.Ingress, PolicyDirection.Egress])
            {
                if (index.DefaultDeny(ns, direction) is null)
                {
                    yield return context.Report(subject, subject.AnchorNode,
                        $"Namespace '{ns}' has no default-deny NetworkPolicy for {direction}: no policy selects every pod (`podSelector: {{}}`) with policy type {direction}");
                }
            }
        }
    }
}
