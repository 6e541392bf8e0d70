using System.Diagnostics;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;
using Xunit.Abstractions;

namespace ManifestLint.Templates.Tests;

/// <summary>A large render (many includes, toYaml of a big values tree) stays fast; prints the throughput.</summary>
public sealed class RenderThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Large_render_throughput()
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
        set.Execute("main", data);
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long chars = 0;
        var runs = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1) || runs < 2)
        {
            chars += set.Execute("main", data).Text.Length;
            runs++;
        }

        var mbPerSecond = chars / 1e6 / clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        output.WriteLine($"render throughput: {mbPerSecond:F1} MB/s wall, {chars / 1e6 / cpu:F1} MB per CPU-second ({runs} runs, {chars / runs} chars each)");
        var text = set.Execute("main", data).Text;
        Assert.Contains("  name: svc1999-1999\n  labels:\n    app.kubernetes.io/name: \"svc1999\"\n", text, StringComparison.Ordinal);
        Assert.Contains("  ports:\n  - name: p0\n    port: 8000\n    protocol: TCP\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_only_throughput()
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
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long chars = 0;
        var runs = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1) || runs < 2)
        {
            chars += set.Execute("main", data).Text.Length;
            runs++;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        output.WriteLine($"engine-only render throughput: {chars / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s wall, {chars / 1e6 / cpu:F1} MB per CPU-second ({runs} runs)");
    }
}
