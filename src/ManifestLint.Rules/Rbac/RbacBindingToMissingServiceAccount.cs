using ManifestLint.Core.Model;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class RbacBindingToMissingServiceAccount : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "rbac-binding-to-missing-service-account",
        Summary: "Bindings should name ServiceAccounts that exist",
        Category: Category.Rbac,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A binding to a ServiceAccount that does not exist grants nothing now, and grants its role to whatever
            ServiceAccount is created later under that name, by anyone who may create ServiceAccounts in that
            namespace. It is usually a typo, a wrong namespace, or a leftover of a removed workload.

            Partial input: a chart rarely holds every ServiceAccount of the cluster, so the rule only judges
            namespaces the input owns: a namespace whose Namespace object is in the input, or in which the input
            defines at least one ServiceAccount; with `--complete` (or `complete: true` in the config file) every
            namespace counts. A ServiceAccount subject without a namespace takes the RoleBinding's namespace; in a
            ClusterRoleBinding it matches nobody and is always reported. The `default` ServiceAccount exists in every
            namespace and is never missing. The finding is on the subject's `name`.
            """,
        Remediation: "Fix the subject's name or namespace, add the ServiceAccount to the manifests, or remove the subject.",
        References: [RbacReferences.Rbac, new("Kubernetes: Service Accounts", "https://kubernetes.io/docs/concepts/security/service-accounts/")],
        SecuritySeverity: 4.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        // Namespaces the input owns: its Namespace objects, and namespaces where it defines a ServiceAccount.
        var owned = graph.OfKind("ServiceAccount").Where(a => a.Namespace is not null).Select(a => a.Namespace!)
            .Concat(graph.OfKind("Namespace").Select(n => n.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var binding in graph.Rbac.InputBindings)
        {
            foreach (var subject in binding.Subjects)
            {
                if (subject.Kind != RbacSubject.ServiceAccountKind || subject.Anchor is not { } anchor)
                    continue;
                if (subject.Subject is null)
                {
                    if (subject.Name.Length > 0)
                        yield return context.Report(binding.Resource!, anchor, $"{binding.Describe()} names ServiceAccount '{subject.Name}' without a namespace, so it matches no ServiceAccount");
                    continue;
                }

                var ns = subject.Subject.Namespace!;
                if (subject.Name == "default" || !(graph.Options.Complete || owned.Contains(ns)))
                    continue;
                if (graph.Get(new ResourceKey(string.Empty, "ServiceAccount", ns, subject.Name)).IsEmpty)
                    yield return context.Report(binding.Resource!, anchor, $"{binding.Describe()} binds ServiceAccount '{ns}/{subject.Name}', which is not defined in the input");
            }
        }
    }
}
