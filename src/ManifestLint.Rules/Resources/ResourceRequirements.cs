using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Resources;

/// <summary>A rule that requires cpu and memory in one section (<c>limits</c> or <c>requests</c>) of every container's resources.</summary>
public abstract class ResourceRequirements : ContainerRule
{
    private static readonly string[] Resources = ["cpu", "memory"];

    /// <summary><c>limits</c> or <c>requests</c>.</summary>
    protected abstract string Section { get; }

    /// <summary>How a message names one entry: <c>limit</c> or <c>request</c>.</summary>
    protected abstract string Noun { get; }

    /// <summary>The API rejects resources on ephemeral containers, so only regular and init containers count.</summary>
    protected override bool Judges(ContainerView container) => container.Kind != ContainerKind.EphemeralContainer;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        // Pod-level resources (spec.resources) bound every container that sets none of its own.
        var podValues = container.Pod.Spec.GetMapping("resources")?.GetMapping(Section);
        var values = container.Resources?.GetMapping(Section);
        var missing = Resources.Where(r => !IsSet(values, r) && !IsSet(podValues, r)).ToArray();
        if (missing.Length == 0)
            yield break;
        var anchor = (YamlNode?)container.Resources?.GetKey(Section) ?? (YamlNode?)container.Node.GetKey("resources") ?? container.Anchor;
        var what = missing.Length == Resources.Length ? $"no cpu or memory {Noun}" : $"no {missing[0]} {Noun}";
        yield return Report(context, container, anchor, $"{container.Describe()} sets {what}");
    }

    private static bool IsSet(YamlMapping? values, string resource) =>
        values?.GetScalar(resource) is { IsNull: false, Text.Length: > 0 };
}
