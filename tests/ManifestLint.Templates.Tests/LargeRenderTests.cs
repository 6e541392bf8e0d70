using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>
/// Large renders (thousands of includes and toYaml calls) come out whole and correct. Their speed is measured by
/// the render benchmark (tests/ManifestLint.Benchmarks, "render"), not here.
/// </summary>
public sealed class LargeRenderTests
{
    [Fact]
    public void Thousands_of_includes_and_toYaml_calls_render_whole()
    {
        var helpers = """
            {{- define "app.labels" -}}
            app.kubernetes.io/name: {{ .name | quote }}
            app.kubernetes.io/instance: {{ .instance }}
            {{- end -}}
            """;
        var main = """
            {{- range $i, $svc := .Values.services }}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ $svc.name }}-{{ $i }}
              labels:
                {{- include "app.labels" (dict "name" $svc.name "instance" "rel") | nindent 4 }}
            spec:
              {{- toYaml $svc.spec | nindent 2 }}
            {{- end }}
            """;
        var services = new GoList();
        for (var i = 0; i < 2000; i++)
        {
            var ports = new GoList();
            for (var p = 0; p < 5; p++)
                ports.Add(new GoMap { ["name"] = "p" + p, ["port"] = 8000.0 + p, ["protocol"] = "TCP" });
            services.Add(new GoMap { ["name"] = "svc" + i, ["spec"] = new GoMap { ["type"] = "ClusterIP", ["ports"] = ports } });
        }

        var data = new GoMap(GoMap.ValuesType) { ["Values"] = new GoMap(GoMap.ValuesType) { ["services"] = services } };
        var set = TemplateSet.Parse(
            [("main", main), ("_helpers.tpl", helpers)],
            new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] });
        var result = set.Execute("main", data);
        var text = result.Text;
        Assert.Equal(2000, text.Split("kind: Service\n").Length - 1);
        Assert.Equal(text.Length, result.Segments.Sum(seg => seg.Length));
        Assert.Contains("  name: svc1999-1999\n  labels:\n    app.kubernetes.io/name: \"svc1999\"\n", text, StringComparison.Ordinal);
        Assert.Contains("  ports:\n  - name: p0\n    port: 8000\n    protocol: TCP\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_ranges_and_templates_render_whole()
    {
        var main = """
            {{- range $i, $svc := .Values.services }}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ $svc.name }}-{{ $i }}
              labels:
                {{- template "labels" $svc }}
            spec:
              type: {{ $svc.type }}
              ports:
              {{- range $svc.ports }}
              - name: {{ .name }}
                port: {{ .port }}
              {{- end }}
            {{- end }}
            """;
        var helpers = "{{ define \"labels\" }}\n    app.kubernetes.io/name: {{ .name }}\n    app.kubernetes.io/part-of: shop{{ end }}";
        var services = new GoList();
        for (var i = 0; i < 2000; i++)
        {
            var ports = new GoList();
            for (var p = 0; p < 5; p++)
                ports.Add(new GoMap { ["name"] = "p" + p, ["port"] = 8000.0 + p });
            services.Add(new GoMap { ["name"] = "svc" + i, ["type"] = "ClusterIP", ["ports"] = ports });
        }

        var data = new GoMap(GoMap.ValuesType) { ["Values"] = new GoMap(GoMap.ValuesType) { ["services"] = services } };
        var set = TemplateSet.Parse([("main", main), ("_helpers.tpl", helpers)]);
        var text = set.Execute("main", data).Text;
        Assert.Contains("  name: svc7-7\n  labels:\n    app.kubernetes.io/name: svc7\n", text, StringComparison.Ordinal);
        Assert.Contains("  name: svc1999-1999\n", text, StringComparison.Ordinal);
        Assert.Equal(2000 * 5, text.Split("  - name: p").Length - 1);
    }
}
