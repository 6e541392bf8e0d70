using System.Globalization;
using ManifestLint.Core.Model;
using ManifestLint.Core.Yaml;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

/// <summary>Where a resource's apiVersion/kind stands in the target Kubernetes version (shared by api-removed and api-deprecated).</summary>
internal static class ApiLifecycleCheck
{
    /// <summary>The references of both lifecycle rules.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<Core.Rules.RuleReference> References =
    [
        new("Kubernetes: Deprecated API Migration Guide", "https://kubernetes.io/docs/reference/using-api/deprecation-guide/"),
        new("Kubernetes Deprecation Policy", "https://kubernetes.io/docs/reference/using-api/deprecation-policy/"),
    ];

    public enum Status
    {
        Served,
        Deprecated,
        Removed,
        NotYetServed,
    }

    public static (Status Status, ApiLifecycleEntry? Entry) Of(Resource resource, ApiVersionSchema target)
    {
        var entry = ApiLifecycle.Embedded.Find(resource.Group, resource.Version, resource.Kind);
        if (entry is null)
            return (Status.Served, null);
        if (entry.Removed is { } removed && removed <= target.Minor)
            return (Status.Removed, entry);
        if (target.FindKind(resource.Group, resource.Version, resource.Kind) is null && entry.Introduced is { } introduced && introduced > target.Minor)
            return (Status.NotYetServed, entry);
        if (entry.Deprecated is { } deprecated && deprecated <= target.Minor)
            return (Status.Deprecated, entry);
        return (Status.Served, entry);
    }

    public static YamlNode Anchor(Resource resource) => (YamlNode?)resource.Root.GetScalar("apiVersion") ?? resource.Root;

    public static string Minor(int minor) => "1." + minor.ToString(CultureInfo.InvariantCulture);

    public static string Replacement(ApiLifecycleEntry entry) =>
        entry.Replacement is { } r ? $"; use {r}" : "; no replacement API exists";
}
