namespace ManifestLint.Helm.Tests;

/// <summary>A chart of many templates sharing a library renders every manifest (its speed is measured by the render benchmark).</summary>
public sealed class ManyTemplateChartTests
{
    [Fact]
    public void Sixty_templates_with_a_library_render_every_manifest()
    {
        var dir = Directory.CreateTempSubdirectory("h1-speed-");
        try
        {
            var lib = Path.Combine(dir.FullName, "charts", "lib", "templates");
            Directory.CreateDirectory(lib);
            File.WriteAllText(Path.Combine(dir.FullName, "charts", "lib", "Chart.yaml"), "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n");
            File.WriteAllText(Path.Combine(lib, "_labels.tpl"), "{{- define \"lib.labels\" -}}\napp: {{ .Chart.Name }}\nrelease: {{ .Release.Name }}\n{{- end -}}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: big\nversion: 1.0.0\ndependencies:\n  - name: lib\n    version: 0.1.0\n    repository: file://charts/lib\n");
            File.WriteAllText(Path.Combine(dir.FullName, "values.yaml"), "image:\n  repository: nginx\n  tag: \"1.25\"\nresources:\n  limits:\n    cpu: 100m\n");
            var templates = Path.Combine(dir.FullName, "templates");
            Directory.CreateDirectory(templates);
            for (var i = 0; i < 60; i++)
            {
                File.WriteAllText(Path.Combine(templates, $"deploy{i:00}.yaml"), $$$"""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: {{ .Release.Name }}-{{{i}}}
                      labels:
                        {{- include "lib.labels" . | nindent 4 }}
                    spec:
                      template:
                        spec:
                          containers:
                            - name: app
                              image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                              resources:
                                {{- toYaml .Values.resources | nindent 12 }}
                    """);
            }

            var render = HelmRenderer.Render(new ChartSource(dir.FullName, "big"), new RenderOptions());

            Assert.Empty(render.Problems);
            Assert.Equal(60, render.Manifests.Length);
            Assert.Contains("  labels:\n    app: big\n    release: release-name\n", render.Manifests[0].Content, StringComparison.Ordinal);
            Assert.Contains("          resources:\n            limits:\n              cpu: 100m", render.Manifests[59].Content, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
