using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests.Selectors;

internal static class SelectorTestGraph
{
    public static ResourceGraph Build(string yaml)
    {
        var file = new SourceFile("selectors.yaml", yaml);
        var resources = new List<Resource>();
        foreach (var d in YamlLoader.Load(file).Documents)
            resources.AddRange(ResourceReader.Read(d, "default", new ResourceOrigin(file.Path, d.Index), out _));
        return ResourceGraph.Build(resources);
    }

    public static YamlMapping Mapping(string yaml) => (YamlMapping)YamlLoader.Load(new SourceFile("m.yaml", yaml)).Documents[0].Root!;

    public static string Pod(string name, string @namespace, string labels) =>
        "apiVersion: v1\nkind: Pod\n"
        + $"metadata: {{name: {name}, namespace: {@namespace}, labels: {{{labels}}}}}\n"
        + "spec: {containers: [{name: app, image: \"nginx:1.27\"}]}";
}
