namespace ManifestLint.Helm.Tests;

/// <summary>
/// Behaviours the differential test against real Helm (tests/ManifestLint.HelmDiff over ../shared/charts-corpus) found
/// wrong, each as a small chart whose expected output is what <c>helm template release-name CHART</c> (Helm v3.17.2)
/// printed for it. These tests need no helm binary.
/// </summary>
public sealed class HelmDifferentialRegressionTests
{
    private static string Render(IReadOnlyDictionary<string, string> files, RenderOptions? options = null)
    {
        var dir = Directory.CreateTempSubdirectory("helmdiff-");
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(dir.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            var render = HelmRenderer.Render(new ChartSource(dir.FullName, "chart"), options ?? new RenderOptions());
            return HelmTemplateOutput.Format(render);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Chart(string name, params (string Path, string Text)[] files)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal) { ["Chart.yaml"] = "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n" };
        foreach (var (path, text) in files)
            d[path] = text;
        return d;
    }

    [Fact]
    public void Files_glob_is_a_map_empty_when_nothing_matches_for_if_and_or_not_len_empty_range_and_index()
    {
        var chart = Chart(
            "files",
            ("files/conf/a.conf", "a=1\n"),
            ("files/conf/b.conf", "b=2\n"),
            ("files/README.md", "readme\n"),
            ("templates/cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: files
                data:
                  emptyGlobIf: {{ if .Files.Glob "files/none/*.conf" }}"yes"{{ else }}"no"{{ end }}
                  emptyGlobAnd: {{ and (.Files.Glob "files/none/*.conf") true | quote }}
                  fullGlobAnd: {{ if and (.Files.Glob "files/conf/*.conf") true }}"yes"{{ else }}"no"{{ end }}
                  emptyGlobOr: {{ if or (.Files.Glob "files/none/*") false }}"yes"{{ else }}"no"{{ end }}
                  notEmptyGlob: {{ not (.Files.Glob "files/none/*") | quote }}
                  lenGlob: {{ len (.Files.Glob "files/conf/*.conf") | quote }}
                  emptyFn: {{ empty (.Files.Glob "files/none/*") | quote }}
                  emptyFnFull: {{ empty (.Files.Glob "files/conf/*") | quote }}
                  kind: {{ kindOf (.Files.Glob "files/conf/*") | quote }}
                  type: {{ typeOf (.Files.Glob "files/conf/*") | quote }}
                  index: {{ index (.Files.Glob "files/conf/*") "files/conf/b.conf" | toString | quote }}
                  {{- range $path, $bytes := .Files.Glob "files/conf/*.conf" }}
                  {{ base $path }}: {{ $bytes | toString | trim | quote }}
                  {{- end }}
                  {{- range $path, $bytes := .Files.Glob "files/none/*" }}
                  never: {{ $path }}
                  {{- end }}

                """));

        // helm template release-name CHART (v3.17.2)
        const string expected = """
            ---
            # Source: files/templates/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: files
            data:
              emptyGlobIf: "no"
              emptyGlobAnd: "map[]"
              fullGlobAnd: "yes"
              emptyGlobOr: "no"
              notEmptyGlob: "true"
              lenGlob: "2"
              emptyFn: "true"
              emptyFnFull: "false"
              kind: "map"
              type: "engine.files"
              index: "b=2\n"
              a.conf: "a=1"
              b.conf: "b=2"

            """;
        Assert.Equal(expected, Render(chart));
    }

    [Fact]
    public void Files_glob_encodes_as_its_map_in_toJson_and_toYaml_and_prints_as_a_go_map()
    {
        var chart = Chart(
            "files",
            ("files/conf/a.conf", "a=1\n"),
            ("files/conf/b.conf", "b=2\n"),
            ("templates/more.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: more
                data:
                  json: {{ .Files.Glob "files/conf/*" | toJson | quote }}
                  yaml: {{ .Files.Glob "files/conf/*" | toYaml | quote }}
                  print: {{ .Files.Glob "files/conf/a.conf" | quote }}
                  emptyPrint: {{ .Files.Glob "files/none" | quote }}
                  default: {{ default "dflt" (.Files.Glob "files/none") | quote }}
                  ternary: {{ ternary "t" "f" (not (empty (.Files.Glob "files/conf/*"))) | quote }}
                  eqlen: {{ eq (len (.Files.Glob "files/none")) 0 | quote }}

                """));

        // helm template release-name CHART (v3.17.2)
        const string expected = """
            ---
            # Source: files/templates/more.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: more
            data:
              json: "{\"files/conf/a.conf\":\"YT0xCg==\",\"files/conf/b.conf\":\"Yj0yCg==\"}"
              yaml: "files/conf/a.conf: YT0xCg==\nfiles/conf/b.conf: Yj0yCg=="
              print: "map[files/conf/a.conf:[97 61 49 10]]"
              emptyPrint: "map[]"
              default: "dflt"
              ternary: "t"
              eqlen: "true"

            """;
        Assert.Equal(expected, Render(chart));
    }

    [Fact]
    public void Block_scalar_leading_line_of_only_spaces_is_a_line_break_as_in_yaml_v2()
    {
        var chart = Chart(
            "blank",
            ("values.yaml", "runtime: {}\n"),
            ("templates/cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: blank-lead
                data:
                  runtime.yaml: |
                    {{ tpl (toYaml .Values.runtime) . | nindent 4 }}
                  literal: {{ "a: |\n    \n    x\nb: 1\n" | fromYaml | toJson | quote }}
                  folded: {{ "a: >\n  \n  y\n  z\nb: 2\n" | fromYaml | toJson | quote }}
                  empty: {{ "a: |+\n      \nb: 3\n" | fromYaml | toJson | quote }}

                """));

        // helm template release-name CHART (v3.17.2); the line after "runtime.yaml: |" holds four spaces.
        const string expected =
            "---\n# Source: blank/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blank-lead\ndata:\n" +
            "  runtime.yaml: |\n    \n    {}\n" +
            "  literal: \"{\\\"a\\\":\\\"\\\\nx\\\\n\\\",\\\"b\\\":1}\"\n" +
            "  folded: \"{\\\"a\\\":\\\"\\\\ny z\\\\n\\\",\\\"b\\\":2}\"\n" +
            "  empty: \"{\\\"a\\\":\\\"\\\\n\\\",\\\"b\\\":3}\"\n";
        Assert.Equal(expected, Render(chart));
    }

    [Fact]
    public void Null_in_user_values_for_a_key_the_chart_defaults_lack_is_kept_and_only_a_null_over_a_default_deletes()
    {
        var chart = Chart(
            "nullkeep",
            ("values.yaml", "probe:\n  httpGet:\n    path: /healthz\n  periodSeconds: 10\n"),
            ("templates/cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: nullkeep
                data:
                  probe: |
                    {{- toYaml .Values.probe | nindent 4 }}
                  hasTcp: {{ hasKey .Values.probe "tcpSocket" | quote }}
                  hasPeriod: {{ hasKey .Values.probe "periodSeconds" | quote }}

                """));
        var dir = Directory.CreateTempSubdirectory("helmdiff-values-");
        try
        {
            var overrides = Path.Combine(dir.FullName, "override.yaml");
            File.WriteAllText(overrides, "probe:\n  tcpSocket: null\n  periodSeconds: null\n  extra:\n    gone: null\n");

            // helm template release-name CHART -f override.yaml (v3.17.2; v4.1.4 prints the same)
            const string expected = """
                ---
                # Source: nullkeep/templates/cm.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: nullkeep
                data:
                  probe: |
                    extra:
                      gone: null
                    httpGet:
                      path: /healthz
                    tcpSocket: null
                  hasTcp: "true"
                  hasPeriod: "false"

                """;
            Assert.Equal(expected, Render(chart, new RenderOptions { ValuesFiles = [ValuesFile.Read(overrides, dir.FullName)] }));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Helm_3_sorts_webhook_configurations_among_unlisted_kinds_by_name()
    {
        var files = new List<(string, string)>();
        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ServiceMonitor", "Issuer", "APIService", "Deployment" })
            files.Add(("templates/" + kind + ".yaml", "apiVersion: example.com/v1\nkind: " + kind + "\nmetadata:\n  name: " + kind + "\n"));
        var output = Render(Chart("order", [.. files]));

        // helm template release-name CHART (v3.17.2); Helm v4.1.4 puts both webhook configurations right after APIService.
        var kinds = output.Split('\n').Where(l => l.StartsWith("kind: ", StringComparison.Ordinal)).Select(l => l[6..]);
        Assert.Equal(["Deployment", "APIService", "Issuer", "MutatingWebhookConfiguration", "ServiceMonitor", "ValidatingWebhookConfiguration"], kinds);
    }
}
