using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.Views;

/// <summary>Finds the pod template of each workload kind.</summary>
public static class PodTemplates
{
    /// <summary>The pod template of <paramref name="resource"/>, or null when the kind has none (or it is malformed).</summary>
    public static PodTemplateView? Find(Resource resource)
    {
        var root = resource.Root;
        switch (resource.Kind)
        {
            case "Pod":
                return root.GetMapping("spec") is { } podSpec
                    ? new PodTemplateView(resource, resource.Metadata, podSpec) { SpecAnchor = (YamlNode?)root.GetKey("spec") ?? resource.AnchorNode }
                    : null;
            case "PodTemplate":
                return FromTemplate(resource, root.GetMapping("template"), root.GetKey("template"));
            case "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job":
                return FromTemplate(resource, root.Find("spec", "template") as YamlMapping, (root.GetMapping("spec"))?.GetKey("template"));
            case "Rollout" when resource.Group == "argoproj.io":
                return FromTemplate(resource, root.Find("spec", "template") as YamlMapping, (root.GetMapping("spec"))?.GetKey("template"));
            case "CronJob":
                return FromTemplate(resource, root.Find("spec", "jobTemplate", "spec", "template") as YamlMapping, (root.Find("spec", "jobTemplate", "spec") as YamlMapping)?.GetKey("template"));
            default:
                return null;
        }
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
}
