using ManifestLint.Core.Graph;

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>
/// Resolves the files an API server loads (<c>--encryption-provider-config</c>, <c>--audit-policy-file</c>)
/// to resources in the input by file name, so rules judge the file the server really reads.
/// </summary>
public static class ConfigFileReferences
{
    /// <summary>API server flags in the input whose value names the file <paramref name="resource"/> came from.</summary>
    public static IEnumerable<ComponentFlag> ReferencesTo(ResourceGraph graph, Resource resource, string flag)
    {
        var fileName = Path.GetFileName(resource.Origin.Path);
        foreach (var config in graph.ComponentConfigs)
        {
            if (config.Component == ComponentKind.ApiServer && config.Flag(flag) is { } f
                && string.Equals(Path.GetFileName(f.Value.Trim()), fileName, StringComparison.Ordinal))
                yield return f;
        }
    }
}
