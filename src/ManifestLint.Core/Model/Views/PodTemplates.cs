using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.Views;

/// <summary>Finds the pod templates of each workload kind.</summary>
public static class PodTemplates
{
    /// <summary>The pod template of <paramref name="resource"/>, or null when the kind has none (or it is malformed); the first one for kinds with several.</summary>
    public static PodTemplateView? Find(Resource resource) => FindAll(resource).FirstOrDefault();

    /// <summary>
    /// Every pod template of <paramref name="resource"/>: one for most workload kinds, one per container or script
    /// template of an Argo Workflow, none for other kinds. <paramref name="customPaths"/> maps a kind (<c>Kind</c> or
    /// <c>group/Kind</c>) to the dotted path of its pod template (<c>spec.podTemplate</c>) for in-house kinds.
    /// </summary>
    public static IEnumerable<PodTemplateView> FindAll(Resource resource, IReadOnlyDictionary<string, string>? customPaths = null)
    {
        var root = resource.Root;
        if (customPaths is { Count: > 0 } && Custom(resource, customPaths) is { } path)
            return FromPath(resource, path);
        return (resource.Kind, resource.Group) switch
        {
            ("Pod", _) => One(root.GetMapping("spec") is { } podSpec
                ? new PodTemplateView(resource, resource.Metadata, podSpec) { SpecAnchor = (YamlNode?)root.GetKey("spec") ?? resource.AnchorNode }
                : null),
            ("PodTemplate", _) => One(FromTemplate(resource, root.GetMapping("template"), root.GetKey("template"))),
            ("Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job", _)
                or ("Rollout", "argoproj.io") or ("DeploymentConfig", "apps.openshift.io" or "")
                or ("Service" or "Configuration", "serving.knative.dev") => FromPath(resource, "spec.template"),
            ("Revision", "serving.knative.dev") => One(root.GetMapping("spec") is { } revisionSpec
                ? new PodTemplateView(resource, resource.Metadata, revisionSpec) { SpecAnchor = (YamlNode?)root.GetKey("spec") ?? resource.AnchorNode }
                : null),
            ("CronJob", _) => FromPath(resource, "spec.jobTemplate.spec.template"),
            ("ScaledJob", "keda.sh") => FromPath(resource, "spec.jobTargetRef.template"),
            ("Workflow" or "WorkflowTemplate" or "ClusterWorkflowTemplate", "argoproj.io") => ArgoTemplates(resource, root.GetMapping("spec")),
            ("CronWorkflow", "argoproj.io") => ArgoTemplates(resource, root.Find("spec", "workflowSpec") as YamlMapping),
            _ => [],
        };
    }

    private static string? Custom(Resource resource, IReadOnlyDictionary<string, string> paths) =>
        paths.TryGetValue($"{resource.Group}/{resource.Kind}", out var qualified) ? qualified
        : paths.TryGetValue(resource.Kind, out var plain) ? plain
        : null;

    private static IEnumerable<PodTemplateView> One(PodTemplateView? view) => view is null ? [] : [view];

    /// <summary>The template at a dotted path: a mapping with <c>spec</c> (and <c>metadata</c>), or a pod spec itself (it has <c>containers</c>).</summary>
    private static IEnumerable<PodTemplateView> FromPath(Resource resource, string path)
    {
        var keys = path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keys.Length == 0 || (keys.Length == 1 ? resource.Root : resource.Root.Find(keys.AsSpan(0, keys.Length - 1))) is not YamlMapping parent)
            return [];
        var node = parent.GetMapping(keys[^1]);
        if (node?.GetSequence("containers") is not null)
            return [new PodTemplateView(resource, null, node) { SpecAnchor = (YamlNode?)parent.GetKey(keys[^1]) ?? resource.AnchorNode }];
        return One(FromTemplate(resource, node, parent.GetKey(keys[^1])));
    }

    private static PodTemplateView? FromTemplate(Resource resource, YamlMapping? template, YamlScalar? templateKey)
    {
        if (template?.GetMapping("spec") is not { } spec)
            return null;
        return new PodTemplateView(resource, template.GetMapping("metadata"), spec)
        {
            SpecAnchor = (YamlNode?)template.GetKey("spec") ?? (YamlNode?)templateKey ?? resource.AnchorNode,
        };
    }

    /// <summary>
    /// Each template of an Argo Workflow that runs a pod (<c>container</c>, <c>script</c> or <c>containerSet</c>) is a
    /// pod template of its own: its main container (or the set's containers), its <c>initContainers</c> and
    /// <c>sidecars</c>, its own <c>securityContext</c> and <c>metadata</c>. Steps and DAG templates run no pod.
    /// </summary>
    private static IEnumerable<PodTemplateView> ArgoTemplates(Resource resource, YamlMapping? spec)
    {
        if (spec?.GetSequence("templates") is not { } templates)
            yield break;
        foreach (var template in templates.Mappings())
        {
            var containers = ImmutableArray.CreateBuilder<(YamlMapping Node, ContainerKind Kind, int Index)>();
            if (template.GetMapping("container") is { } container)
                containers.Add((container, ContainerKind.Container, 0));
            if (template.GetMapping("script") is { } script)
                containers.Add((script, ContainerKind.Container, 0));
            if (template.Find("containerSet", "containers") is YamlSequence set)
                containers.AddRange(set.Mappings().Select((c, i) => (c, ContainerKind.Container, i)));
            if (containers.Count == 0)
                continue;
            if (template.GetSequence("sidecars") is { } sidecars)
                containers.AddRange(sidecars.Mappings().Select((c, i) => (c, ContainerKind.Container, i)));
            if (template.GetSequence("initContainers") is { } init)
                containers.AddRange(init.Mappings().Select((c, i) => (c, ContainerKind.InitContainer, i)));
            yield return new PodTemplateView(resource, template.GetMapping("metadata"), template, containers.ToImmutable())
            {
                SpecAnchor = (YamlNode?)template.GetScalar("name") ?? template,
                TemplateName = template.GetString("name"),
            };
        }
    }
}
