using System.Collections.Frozen;
using ManifestLint.Core.Model;
using ManifestLint.Core.PodSecurity;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Namespaces;

public sealed class NamespaceWithoutPodSecurity : Rule
{
    private static readonly FrozenSet<string> SystemNamespaces = FrozenSet.Create(StringComparer.Ordinal, "kube-system", "kube-public", "kube-node-lease");

    public override RuleInfo Info { get; } = new(
        Id: "namespace-without-pod-security",
        Summary: "Namespaces should enforce a Pod Security level",
        Category: Category.Namespaces,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Pod Security Admission enforces nothing in a namespace without a `pod-security.kubernetes.io/enforce`
            label (unless the cluster's admission configuration sets a default, which the manifests do not show):
            any pod is admitted, including privileged pods and pods that mount the node's filesystem. Labelling
            every namespace with at least `baseline`, and `restricted` where the workloads allow it, is the
            built-in way to stop known privilege escalations. `privileged` is an explicit opt-out that belongs
            only to system namespaces.

            A Namespace with no enforce label is reported at its `labels` (or its name); one that enforces
            `privileged` is reported at the label value, except `kube-system`, `kube-public` and
            `kube-node-lease`.

            Partial input: this rule judges only Namespace objects in the input; a chart or a pre-commit run
            that does not hold the Namespace gets no finding. When the input is declared complete (`--complete`
            or the configuration file) and no level is assumed for missing namespaces, a namespace that
            resources use but that has no Namespace object is reported too, at the first resource in it.
            """,
        Remediation: "Add `pod-security.kubernetes.io/enforce: baseline` (or `restricted`) to the Namespace's labels.",
        References:
        [
            new("Kubernetes: Enforce Pod Security Standards with Namespace Labels", "https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/"),
            new("Kubernetes: Pod Security Admission", "https://kubernetes.io/docs/concepts/security/pod-security-admission/"),
            new("Kubernetes: Pod Security Standards", "https://kubernetes.io/docs/concepts/security/pod-security-standards/"),
        ],
        SecuritySeverity: 5.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in graph.OfKind("Namespace"))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (ns.Group.Length > 0 || !defined.Add(ns.Name))
                continue;
            var security = NamespacePodSecurity.Read(ns);
            if (security.Enforce is null)
            {
                if (SystemNamespaces.Contains(ns.Name))
                    continue;
                var anchor = (YamlNode?)ns.Metadata?.GetKey("labels") ?? ns.AnchorNode;
                yield return context.Report(ns, anchor,
                    $"Namespace '{ns.Name}' has no {NamespacePodSecurity.LabelKey(PodSecurityMode.Enforce)} label, so Pod Security Admission admits any pod");
            }
            else if (security.Enforce.Level == PodSecurityLevel.Privileged && !SystemNamespaces.Contains(ns.Name) && security.Enforce.LevelNode is { } level)
            {
                yield return context.Report(ns, level,
                    $"Namespace '{ns.Name}' enforces the privileged Pod Security level, which admits any pod");
            }
        }

        if (!graph.Options.Complete || graph.Options.AssumedPodSecurityLevel is not null)
            yield break;

        foreach (var name in graph.NamespaceNames)
        {
            if (defined.Contains(name) || SystemNamespaces.Contains(name) || graph.InNamespace(name) is not [var first, ..])
                continue;
            yield return context.Report(first, NamespaceNode(first),
                $"Namespace '{name}' is used by {first.Kind} '{first.Name}' but is not defined in the input, which is declared complete, so it has no Pod Security level");
        }
    }

    private static YamlNode NamespaceNode(Resource resource) =>
        (YamlNode?)resource.Metadata?.GetScalar("namespace") ?? resource.AnchorNode;
}
