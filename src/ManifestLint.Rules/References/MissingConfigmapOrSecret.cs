using System.Collections.Frozen;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.References;

public sealed class MissingConfigmapOrSecret : Rule
{
    /// <summary>Kubernetes publishes this ConfigMap in every namespace.</summary>
    private const string RootCaConfigMap = "kube-root-ca.crt";

    public override RuleInfo Info { get; } = new(
        Id: "missing-configmap-or-secret",
        Summary: "ConfigMaps and Secrets a pod uses should exist",
        Category: Category.References,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A pod that mounts or reads a ConfigMap or Secret that does not exist stays in `ContainerCreating` (volumes)
            or `CreateContainerConfigError` (env), and a missing image pull Secret fails the image pull. References are
            read from volumes (`configMap`, `secret`, projected sources), env `valueFrom` (`configMapKeyRef`,
            `secretKeyRef`), `envFrom` and `imagePullSecrets`. References marked `optional: true` are fine, and so is
            `kube-root-ca.crt`, which Kubernetes creates in every namespace. A Secret is also taken to exist when the
            input holds an object that produces it: a `SealedSecret` or `ExternalSecret` (its `spec.target.name`, else
            its name) or a cert-manager `Certificate` (its `spec.secretName`).

            Partial input: charts often rely on Secrets made elsewhere (by an operator, a secret store, or by hand), so
            the rule judges only namespaces the input owns (its Namespace object is in the input), or every namespace
            when the input is complete (`--complete` or `complete: true` in the config file). It reports at note level;
            raise or lower it, or turn it off, in the config file's `rules` section. The finding is on the name of the
            missing object.
            """,
        Remediation: "Add the ConfigMap or Secret to the manifests, fix the name, or mark the reference `optional: true` if the pod works without it.",
        References:
        [
            new("Kubernetes: ConfigMaps", "https://kubernetes.io/docs/concepts/configuration/configmap/"),
            new("Kubernetes: Secrets", "https://kubernetes.io/docs/concepts/configuration/secret/"),
        ],
        SecuritySeverity: 1.0);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        FrozenSet<(string?, string)>? produced = null;
        foreach (var pod in graph.PodTemplates)
        {
            if (!scope.Owns(pod.Namespace))
                continue;
            foreach (var reference in PodObjectReferences.Of(pod))
            {
                if (reference.Optional || reference.Kind == "PersistentVolumeClaim")
                    continue;
                if (reference.Kind == "ConfigMap" && reference.Name == RootCaConfigMap)
                    continue;
                if (!graph.Get(new ResourceKey(string.Empty, reference.Kind, pod.Namespace, reference.Name)).IsEmpty)
                    continue;
                produced ??= ProducedSecrets(graph);
                if (reference.Kind == "Secret" && produced.Contains((pod.Namespace, reference.Name)))
                    continue;
                yield return context.Report(pod.Owner, reference.Node,
                    $"{pod.Describe()} uses {reference.Kind} '{reference.Name}' ({reference.Via}), which is not defined in namespace '{pod.Namespace}'");
            }
        }
    }

    private static FrozenSet<(string?, string)> ProducedSecrets(ResourceGraph graph)
    {
        var names = new HashSet<(string?, string)>();
        foreach (var r in graph.OfKind("SealedSecret"))
            names.Add((r.Namespace, r.Root.Find("spec", "template", "metadata", "name") is YamlScalar { IsNull: false } n ? n.Text : r.Name));
        foreach (var r in graph.OfKind("ExternalSecret"))
            names.Add((r.Namespace, r.Root.Find("spec", "target", "name") is YamlScalar { IsNull: false } n ? n.Text : r.Name));
        foreach (var r in graph.OfKind("Certificate"))
        {
            if (r.Root.Find("spec", "secretName") is YamlScalar { IsNull: false } n)
                names.Add((r.Namespace, n.Text));
        }

        return names.ToFrozenSet();
    }
}
