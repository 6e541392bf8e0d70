using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests.Rbac;

/// <summary>Builds a graph from inline YAML the way the product does (loader, reader, graph).</summary>
internal static class RbacTestGraph
{
    public static ResourceGraph From(string yaml, string path = "rbac.yaml")
    {
        var loaded = YamlLoader.Load(new SourceFile(path, yaml.Replace("\r\n", "\n", StringComparison.Ordinal)));
        Assert.Empty(loaded.Problems);
        var resources = new List<Resource>();
        foreach (var document in loaded.Documents)
            resources.AddRange(ResourceReader.Read(document, "default", new ResourceOrigin(path, document.Index), out _));
        return ResourceGraph.Build(resources);
    }
}
