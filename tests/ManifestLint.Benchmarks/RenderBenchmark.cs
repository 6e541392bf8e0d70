using System.Diagnostics;
using System.Globalization;
using System.Text;
using ManifestLint.Helm;
using ManifestLint.Templates;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Benchmarks;

/// <summary>
/// Renders a generated chart the way a large real chart is written (a Bitnami-style _helpers.tpl, and per
/// component a Deployment, Service and ConfigMap built from <c>include … | nindent</c>, <c>toYaml … | nindent</c>,
/// <c>range</c> and <c>quote</c>) again and again, and reports the template engine's output throughput.
/// Values are read from a values.yaml, so every value carries its source position, as in a real lint.
/// </summary>
internal static class RenderBenchmark
{
    public static int Run(int components, TimeSpan duration, string only)
    {
        var dir = Path.Combine(Path.GetTempPath(), "manifestlint-render-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            WriteChart(dir, components);
            return (only is "chart" ? 0 : Engine(dir, duration)) + (only is "engine" ? 0 : Chart(dir, duration));
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
    }

    // The template engine alone: the set is parsed once, then every template is executed per round.
    private static int Engine(string dir, TimeSpan duration)
    {
        var files = Directory.GetFiles(Path.Combine(dir, "templates")).Order(StringComparer.Ordinal)
            .Select(f => ("bench/templates/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        var set = TemplateSet.Parse(files, new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] });
        var values = GoYaml.ParseValues(File.ReadAllText(Path.Combine(dir, "values.yaml")), "values.yaml");
        values.GoTypeName = GoMap.ValuesType;
        var release = new GoMap { ["Name"] = "release-name", ["Namespace"] = "default", ["Service"] = "Helm", ["Revision"] = 1L };
        var chart = new ChartMetadata { Name = "bench", Version = "1.2.3", AppVersion = "4.5.6", ApiVersion = "v2" };
        var entries = files.Select(f => f.Item1).Where(n => !Path.GetFileName(n).StartsWith('_')).ToList();
        var scopes = entries.Select(name => new GoMap
        {
            ["Values"] = values,
            ["Release"] = release,
            ["Chart"] = chart,
            ["Template"] = new GoMap { ["Name"] = name, ["BasePath"] = "bench/templates" },
        }).ToList();

        long Round()
        {
            long chars = 0;
            for (var i = 0; i < entries.Count; i++)
                chars += set.Execute(entries[i], scopes[i]).Text.Length;
            return chars;
        }

        return Report("engine (parsed once, every template executed)", Round, duration);
    }

    // The whole of `helm template`: values coalesced, templates parsed and executed, output split and sorted.
    private static int Chart(string dir, TimeSpan duration)
    {
        var chart = ChartLoader.LoadDirectory(dir, "bench");
        var options = new RenderOptions { TemplateTimeout = null };
        var first = HelmRenderer.Render(chart, options);
        if (first.Failed)
        {
            Console.Error.WriteLine("render failed: " + string.Join("; ", first.Problems.Select(p => p.Message)));
            return 1;
        }

        return Report("chart (helm template: coalesce, parse, execute, split and sort)", () => HelmRenderer.Render(chart, options).Templates.Sum(t => (long)t.Text.Length), duration);
    }

    private static int Report(string label, Func<long> round, TimeSpan duration)
    {
        var chars = round();
        for (var i = 0; i < 3; i++)
            round();
        var times = new List<double>();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        while (total.Elapsed < duration || times.Count < 5)
        {
            var one = Stopwatch.StartNew();
            round();
            times.Add(one.Elapsed.TotalSeconds);
        }

        var allocated = (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / times.Count;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / times.Count;
        times.Sort();
        var median = times[times.Count / 2];
        var best = times[0];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {chars / 1e6:F2} MB of output per round, {times.Count} rounds; median {median * 1000:F1} ms = {chars / 1e6 / median:F1} MB/s; best {best * 1000:F1} ms = {chars / 1e6 / best:F1} MB/s; {cpu * 1000:F1} ms of CPU per round (GC included) = {chars / 1e6 / cpu:F1} MB per CPU-second; {allocated / 1e6:F1} MB allocated per round"));
        return 0;
    }

    /// <summary>Writes the benchmark chart to <paramref name="dir"/>, for timing whole commands on it.</summary>
    public static void WriteChart(string dir, int components)
    {
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(Path.Combine(dir, "templates"));
        File.WriteAllText(Path.Combine(dir, "Chart.yaml"), "apiVersion: v2\nname: bench\nversion: 1.2.3\nappVersion: \"4.5.6\"\n");
        File.WriteAllText(Path.Combine(dir, "templates", "_helpers.tpl"), Helpers);
        var values = new StringBuilder("nameOverride: \"\"\nfullnameOverride: \"\"\ncomponents:\n");
        for (var i = 0; i < components; i++)
        {
            var id = "c" + i.ToString("D3", CultureInfo.InvariantCulture);
            values.Append(ComponentValues.Replace("ID", id, StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir, "templates", id + ".yaml"), ComponentTemplate.Replace("ID", id, StringComparison.Ordinal));
        }

        File.WriteAllText(Path.Combine(dir, "values.yaml"), values.ToString());
    }

    private const string Helpers = """
        {{/* Expand the name of the chart. */}}
        {{- define "bench.name" -}}
        {{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{- define "bench.fullname" -}}
        {{- if .Values.fullnameOverride }}
        {{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
        {{- else }}
        {{- $name := default .Chart.Name .Values.nameOverride }}
        {{- if contains $name .Release.Name }}
        {{- .Release.Name | trunc 63 | trimSuffix "-" }}
        {{- else }}
        {{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
        {{- end }}
        {{- end }}
        {{- end }}

        {{- define "bench.chart" -}}
        {{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{- define "bench.selectorLabels" -}}
        app.kubernetes.io/name: {{ include "bench.name" . }}
        app.kubernetes.io/instance: {{ .Release.Name }}
        {{- end }}

        {{- define "bench.labels" -}}
        helm.sh/chart: {{ include "bench.chart" . }}
        {{ include "bench.selectorLabels" . }}
        {{- if .Chart.AppVersion }}
        app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
        {{- end }}
        app.kubernetes.io/managed-by: {{ .Release.Service }}
        {{- end }}

        """;

    private const string ComponentTemplate = """
        {{- $c := .Values.components.ID }}
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "bench.fullname" . }}-ID
          labels:
            {{- include "bench.labels" . | nindent 4 }}
            app.kubernetes.io/component: ID
        spec:
          replicas: {{ $c.replicas }}
          selector:
            matchLabels:
              {{- include "bench.selectorLabels" . | nindent 6 }}
              app.kubernetes.io/component: ID
          template:
            metadata:
              labels:
                {{- include "bench.selectorLabels" . | nindent 8 }}
                app.kubernetes.io/component: ID
              annotations:
                checksum/config: {{ toYaml $c.config | sha256sum }}
            spec:
              serviceAccountName: {{ include "bench.fullname" . }}-ID
              securityContext:
                {{- toYaml $c.podSecurityContext | nindent 8 }}
              containers:
                - name: main
                  image: "{{ $c.image.repository }}:{{ $c.image.tag | default .Chart.AppVersion }}"
                  imagePullPolicy: {{ $c.image.pullPolicy }}
                  env:
                    {{- range $name, $value := $c.env }}
                    - name: {{ $name }}
                      value: {{ $value | quote }}
                    {{- end }}
                  ports:
                    {{- toYaml $c.ports | nindent 12 }}
                  resources:
                    {{- toYaml $c.resources | nindent 12 }}
                  securityContext:
                    {{- toYaml $c.securityContext | nindent 12 }}
              {{- with $c.tolerations }}
              tolerations:
                {{- toYaml . | nindent 8 }}
              {{- end }}
              {{- with $c.affinity }}
              affinity:
                {{- toYaml . | nindent 8 }}
              {{- end }}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "bench.fullname" . }}-ID
          labels:
            {{- include "bench.labels" . | nindent 4 }}
        spec:
          type: {{ $c.service.type }}
          ports:
            {{- range $c.ports }}
            - name: {{ .name }}
              port: {{ .containerPort }}
              targetPort: {{ .name }}
            {{- end }}
          selector:
            {{- include "bench.selectorLabels" . | nindent 4 }}
            app.kubernetes.io/component: ID
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ include "bench.fullname" . }}-ID
          labels:
            {{- include "bench.labels" . | nindent 4 }}
        data:
          {{- toYaml $c.config | nindent 2 }}

        """;

    private const string ComponentValues = """
          ID:
            replicas: 3
            image:
              repository: registry.example.com/platform/ID
              tag: ""
              pullPolicy: IfNotPresent
            service:
              type: ClusterIP
            env:
              LOG_LEVEL: info
              LOG_FORMAT: json
              HTTP_PORT: "8080"
              METRICS_PORT: "9090"
              DB_HOST: postgres.db.svc.cluster.local
              DB_PORT: "5432"
              CACHE_URL: redis://redis.cache:6379/0
              FEATURE_X: "true"
              FEATURE_Y: "false"
              TIMEOUT: 30s
            ports:
              - name: http
                containerPort: 8080
                protocol: TCP
              - name: metrics
                containerPort: 9090
                protocol: TCP
              - name: grpc
                containerPort: 50051
                protocol: TCP
            resources:
              requests:
                cpu: 100m
                memory: 128Mi
              limits:
                cpu: "1"
                memory: 512Mi
            podSecurityContext:
              runAsNonRoot: true
              runAsUser: 10001
              fsGroup: 10001
              seccompProfile:
                type: RuntimeDefault
            securityContext:
              allowPrivilegeEscalation: false
              readOnlyRootFilesystem: true
              capabilities:
                drop: [ALL]
            tolerations:
              - key: dedicated
                operator: Equal
                value: platform
                effect: NoSchedule
              - key: node.kubernetes.io/not-ready
                operator: Exists
                effect: NoExecute
                tolerationSeconds: 300
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      topologyKey: kubernetes.io/hostname
                      labelSelector:
                        matchLabels:
                          app.kubernetes.io/component: ID
            config:
              application.name: ID
              server.port: "8080"
              server.shutdown: graceful
              management.port: "9090"
              logging.level.root: INFO
              logging.level.app: DEBUG
              cache.ttl: 10m
              cache.size: "10000"
              retry.max: "5"
              retry.backoff: 200ms

        """;
}
