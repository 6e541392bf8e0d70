using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Resources;

/// <summary>The shared check of <c>missing-resource-limits</c> and <c>missing-resource-requests</c>.</summary>
internal static class ResourceRequirements
{
    private static readonly string[] Resources = ["cpu", "memory"];

    /// <param name="section"><c>limits</c> or <c>requests</c>.</param>
    /// <param name="noun">How a message names one entry: <c>limit</c> or <c>request</c>.</param>
    public static IEnumerable<Finding> Check(RuleContext context, string section, string noun)
    {
        foreach (var pod in context.Graph.PodTemplates)
        {
            // Pod-level resources (spec.resources) bound every container that sets none of its own.
            var podValues = pod.Spec.GetMapping("resources")?.GetMapping(section);

            // The API rejects resources on ephemeral containers, so only regular and init containers count.
            foreach (var container in pod.AllContainers)
            {
                if (container.Kind == ContainerKind.EphemeralContainer)
                    continue;
                var values = container.Resources?.GetMapping(section);
                var missing = Resources.Where(r => !IsSet(values, r) && !IsSet(podValues, r)).ToArray();
                if (missing.Length == 0)
                    continue;
                var anchor = (YamlNode?)container.Resources?.GetKey(section) ?? (YamlNode?)container.Node.GetKey("resources") ?? container.Anchor;
                var what = missing.Length == Resources.Length ? $"no cpu or memory {noun}" : $"no {missing[0]} {noun}";
                yield return context.Report(pod.Owner, anchor, $"{container.Describe()} sets {what}");
            }
        }
    }

    private static bool IsSet(YamlMapping? values, string resource) =>
        values?.GetScalar(resource) is { IsNull: false, Text.Length: > 0 };
}
