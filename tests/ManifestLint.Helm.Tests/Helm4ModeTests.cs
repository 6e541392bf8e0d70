using ManifestLint.Testing;

namespace ManifestLint.Helm.Tests;

/// <summary>
/// Each rendering difference of Helm 4 mode (<c>--helm-version 4</c> = <c>4.1</c>, the released v4.1 line), with Helm 3
/// mode unchanged. Expected texts were captured from the Helm v4.1.4 release binary (<c>helm template</c>), except where a
/// comment says they follow Helm 4.2 (<c>--helm-version 4.2</c>: helm/helm's main branch, whose golden cases that mode
/// passes): there v4.1.4 still behaves as Helm 3, and the tests check both.
/// </summary>
public sealed class Helm4ModeTests
{
    private static readonly RenderOptions Helm3 = new();
    private static readonly RenderOptions Helm4 = new RenderOptions().ForHelmLine(HelmLine.V4_1);
    private static readonly RenderOptions Helm42 = new RenderOptions().ForHelmLine(HelmLine.V4_2);

    // Renders a chart written to a temporary folder (file name => text; Chart.yaml added when absent), gone when this returns.
    private static string Template(string chart, IReadOnlyDictionary<string, string> files, RenderOptions options)
    {
        var dir = Directory.CreateTempSubdirectory(chart + "-");
        try
        {
            var all = new Dictionary<string, string>(files, StringComparer.Ordinal);
            all.TryAdd("Chart.yaml", "apiVersion: v2\nname: " + chart + "\nversion: 0.1.0\n");
            foreach (var (name, text) in all)
            {
                var path = Path.Combine(dir.FullName, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            var result = HelmTemplateCommandLine.Run([dir.FullName], dir.FullName, dir.FullName, options);
            return result.Output + result.Error;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Template(string chart, string template, RenderOptions options) =>
        Template(chart, new Dictionary<string, string> { ["templates/a.yaml"] = template }, options);

    [Fact]
    public void Chart_is_a_map_with_go_field_names_and_capabilities_are_helm_4s()
    {
        // .Chart as map[string]interface {} (index, hasKey, toJson, toYaml, printf), subchart IsRoot and Dependencies,
        // .Capabilities.HelmVersion of v4.1.4, KubeVersion normalized by String, *common.Capabilities.
        var chart = Path.Combine(RepositoryPaths.Root, "testdata", "charts", "helm4-objects");
        var expected = File.ReadAllText(Path.Combine(chart, "expected-helm4.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);

        var result = HelmTemplateCommandLine.Run([chart, "--helm-version", "4", "--kube-version", "1.30.2-gke.1"], RepositoryPaths.Root, RepositoryPaths.Root);

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(expected, result.Output);
    }

    [Fact]
    public void Chart_is_a_struct_in_helm_3_mode_so_index_fails()
    {
        var chart = Path.Combine(RepositoryPaths.Root, "testdata", "charts", "helm4-objects");

        var result = HelmTemplateCommandLine.Run([chart], RepositoryPaths.Root, RepositoryPaths.Root);

        Assert.Contains("error calling index: can't index item of type struct { chart.Metadata; IsRoot bool }", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lowercase_chart_field_is_empty_in_helm_4_and_an_error_in_helm_3()
    {
        const string template = "name: {{ .Chart.name | quote }}\n";

        Assert.Equal("---\n# Source: lower/templates/a.yaml\nname:\n", Template("lower", template, Helm4));
        Assert.StartsWith(
            "Error: template: lower/templates/a.yaml:1:15: executing \"lower/templates/a.yaml\" at <.Chart.name>: can't evaluate field name in type",
            Template("lower", template, Helm3),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Kube_version_ranges_are_checked_against_the_normalized_version_in_helm_4()
    {
        // v1.30.2-gke.1 satisfies >=1.30.2 once normalized to v1.30.2; the error still names the version as given.
        static Dictionary<string, string> Files(string range) => new()
        {
            ["Chart.yaml"] = "apiVersion: v2\nname: kv\nversion: 0.1.0\nkubeVersion: \"" + range + "\"\n",
            ["templates/a.yaml"] = "a: 1\n",
        };

        Assert.Equal("---\n# Source: kv/templates/a.yaml\na: 1\n", Template("kv", Files(">=1.30.2"), Helm4 with { KubeVersion = "1.30.2-gke.1" }));
        Assert.Equal(
            "Error: chart requires kubeVersion: >=9.0.0 which is incompatible with Kubernetes v1.30.2-gke.1\n",
            Template("kv", Files(">=9.0.0"), Helm4 with { KubeVersion = "1.30.2-gke.1" }));
    }

    [Fact]
    public void Execution_errors_print_as_a_trace_through_includes()
    {
        const string template = "{{ define \"t\" }}{{ .x | b64enc }}{{ end }}\nx: {{ include \"t\" (dict \"x\" 1) }}\n";

        Assert.Equal(
            "Error: x2/templates/a.yaml:2:6\n"
            + "  executing \"x2/templates/a.yaml\" at <include \"t\" (dict \"x\" 1)>:\n"
            + "    error calling include:\n"
            + "x2/templates/a.yaml:1:24\n"
            + "  executing \"t\" at <b64enc>:\n"
            + "    wrong type for value; expected string; got int\n"
            + "\nUse --debug flag to render out invalid YAML\n",
            Template("x2", template, Helm4));
        Assert.Equal(
            "Error: template: x2/templates/a.yaml:2:6: executing \"x2/templates/a.yaml\" at <include \"t\" (dict \"x\" 1)>: error calling include: "
            + "template: x2/templates/a.yaml:1:24: executing \"t\" at <b64enc>: wrong type for value; expected string; got int\n"
            + "\nUse --debug flag to render out invalid YAML\n",
            Template("x2", template, Helm3));
    }

    [Fact]
    public void Execution_errors_of_other_function_calls_keep_gos_one_line_text()
    {
        // index fails inside an include: Helm 4 leaves the whole message as Go wrote it.
        const string template = "{{ define \"t\" }}{{ index .a 3 }}{{ end }}\nx: {{ include \"t\" (dict \"a\" (list 1)) }}\n";

        Assert.Equal(
            "Error: template: y1/templates/a.yaml:2:6: executing \"y1/templates/a.yaml\" at <include \"t\" (dict \"a\" (list 1))>: error calling include: "
            + "template: y1/templates/a.yaml:1:19: executing \"t\" at <index .a 3>: error calling index: index out of range: 3\n"
            + "\nUse --debug flag to render out invalid YAML\n",
            Template("y1", template, Helm4));
    }

    [Fact]
    public void Trace_of_an_include_of_a_missing_template_ends_with_gos_text()
    {
        Assert.Equal(
            "x6/templates/a.yaml:1:6\n  executing \"x6/templates/a.yaml\" at <include \"nope\" .>:\n    error calling include:\n"
            + "template: no template \"nope\" associated with template \"gotpl\"",
            Helm4ErrorText.Trace("template: x6/templates/a.yaml:1:6: executing \"x6/templates/a.yaml\" at <include \"nope\" .>: error calling include: template: no template \"nope\" associated with template \"gotpl\""));
        Assert.Null(Helm4ErrorText.Trace("template: a.yaml:1:2: executing \"a.yaml\" at <div 1 0>: error calling div: runtime error: integer divide by zero"));
        Assert.Null(Helm4ErrorText.Trace("rendering template failed: boom"));
    }

    [Fact]
    public void Missing_dependency_error_starts_in_lowercase()
    {
        var files = new Dictionary<string, string>
        {
            ["Chart.yaml"] = "apiVersion: v2\nname: edep\nversion: 0.1.0\ndependencies:\n- name: foo\n  version: 1.0.0\n",
        };

        Assert.Equal(
            "Error: an error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: foo\n",
            Template("edep", files, Helm4));
        Assert.StartsWith("Error: An error occurred while checking", Template("edep", files, Helm3), StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_keep_their_trailing_blank_lines_in_helm_4_2_only()
    {
        // Helm 4.2 (golden cases object-order, template, ...): SplitManifests trims documents on the left only.
        const string template = "kind: ConfigMap\nmetadata:\n  name: one\n\n---\n\nkind: ConfigMap\nmetadata:\n  name: two\n";
        const string trimmed = "---\n# Source: sp/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: one\n---\n# Source: sp/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: two\n";

        Assert.Equal(
            "---\n# Source: sp/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: one\n\n\n---\n# Source: sp/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: two\n",
            Template("sp", template, Helm42));

        // Captured from helm template (v4.1.4): trimmed as Helm 3 does.
        Assert.Equal(trimmed, Template("sp", template, Helm4));
        Assert.Equal(trimmed, Template("sp", template, Helm3));
    }

    [Fact]
    public void Block_scalar_at_the_end_of_a_document_keeps_its_final_newline_in_helm_4_2_only()
    {
        // Helm 4.2: "|" keeps one final newline even when its document is followed by another one.
        const string template = "kind: ConfigMap\nmetadata:\n  name: one\ndata:\n  cfg: |\n    line\n---\nkind: ConfigMap\nmetadata:\n  name: two\n";
        const string tail = "---\n# Source: bs/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: two\n";

        var render = RenderChart("bs", template, Helm42);

        Assert.Equal("kind: ConfigMap\nmetadata:\n  name: one\ndata:\n  cfg: |\n    line\n", render.Manifests[0].Content);
        Assert.EndsWith("    line\n\n" + tail, HelmTemplateOutput.Format(render), StringComparison.Ordinal);

        // Captured from helm template (v4.1.4).
        Assert.Equal(
            "---\n# Source: bs/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: one\ndata:\n  cfg: |\n    line\n" + tail,
            Template("bs", template, Helm4));
    }

    [Fact]
    public void Nulls_in_a_charts_values_yaml_are_dropped_in_helm_4_2_only()
    {
        // Helm 4.2 (helm/helm#32530): a null default no longer reaches .Values; Helm 3 and v4.1.4 keep it.
        var files = new Dictionary<string, string>
        {
            ["values.yaml"] = "stuff:\n  foo: bar\n  baz: null\nfoobar: null\n",
            ["templates/a.yaml"] = "dump: {{ $.Values | toJson }}\n",
        };
        const string kept = "---\n# Source: nul/templates/a.yaml\ndump: {\"foobar\":null,\"stuff\":{\"baz\":null,\"foo\":\"bar\"}}\n";

        Assert.Equal("---\n# Source: nul/templates/a.yaml\ndump: {\"stuff\":{\"foo\":\"bar\"}}\n", Template("nul", files, Helm42));

        // Captured from helm template (v4.1.4).
        Assert.Equal(kept, Template("nul", files, Helm4));
        Assert.Equal(kept, Template("nul", files, Helm3));
    }

    [Fact]
    public void A_parents_null_for_a_subchart_default_no_longer_erases_it_in_helm_4_2_only()
    {
        // Helm 4.2 (golden case issue-9027): the parent's null is dropped before the subchart's default is merged.
        var files = new Dictionary<string, string>
        {
            ["Chart.yaml"] = "apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 0.1.0\n",
            ["values.yaml"] = "sub:\n  port: null\n",
            ["charts/sub/Chart.yaml"] = "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            ["charts/sub/values.yaml"] = "port: 80\n",
            ["charts/sub/templates/a.yaml"] = "port: {{ toJson .Values.port }}\n",
        };
        const string erased = "---\n# Source: parent/charts/sub/templates/a.yaml\nport: null\n";

        Assert.Equal("---\n# Source: parent/charts/sub/templates/a.yaml\nport: 80\n", Template("parent", files, Helm42));

        // Captured from helm template (v4.1.4).
        Assert.Equal(erased, Template("parent", files, Helm4));
        Assert.Equal(erased, Template("parent", files, Helm3));
    }

    [Fact]
    public void Webhook_configurations_follow_the_known_kinds_in_helm_4()
    {
        // Captured from helm template: v4.1.4 appends the webhook configurations to Helm 3's install order; v3.17.2 sorts
        // them by name among the other kinds.
        const string template = "kind: Aaa\n---\nkind: ValidatingWebhookConfiguration\n---\nkind: MutatingWebhookConfiguration\n---\nkind: ServiceMonitor\n---\nkind: APIService\n---\nkind: ConfigMap\n";
        static string Kinds(string output) => string.Join(' ', output.Split('\n').Where(l => l.StartsWith("kind: ", StringComparison.Ordinal)).Select(l => l[6..]));

        const string helm4 = "ConfigMap APIService MutatingWebhookConfiguration ValidatingWebhookConfiguration Aaa ServiceMonitor";
        Assert.Equal(helm4, Kinds(Template("ko", template, Helm4)));
        Assert.Equal(helm4, Kinds(Template("ko", template, Helm42)));
        Assert.Equal("ConfigMap APIService Aaa MutatingWebhookConfiguration ServiceMonitor ValidatingWebhookConfiguration", Kinds(Template("ko", template, Helm3)));
    }

    [Fact]
    public void Values_type_is_common_values_in_helm_4()
    {
        // Captured from helm template (v4.1.4 and v3.17.2): Helm 4 moved chartutil.Values to pkg/chart/common.
        var files = new Dictionary<string, string>
        {
            ["values.yaml"] = "a:\n  b: 1\n",
            ["templates/a.yaml"] = "values: {{ typeOf .Values }}\nroot: {{ typeOf $ }}\ntemplate: {{ typeOf .Template }}\ntable: {{ typeOf (.Values.Table \"a\") }}\nyaml: {{ .Values.Table \"a\" | toJson }}\n",
        };
        const string helm4 = "---\n# Source: vt/templates/a.yaml\nvalues: common.Values\nroot: common.Values\ntemplate: common.Values\ntable: common.Values\nyaml: {\"b\":1}\n";

        Assert.Equal(helm4, Template("vt", files, Helm4));
        Assert.Equal(helm4, Template("vt", files, Helm42));
        Assert.Equal(helm4.Replace("common.", "chartutil.", StringComparison.Ordinal), Template("vt", files, Helm3));
    }

    [Fact]
    public void Helm_4_2_mode_keeps_the_other_helm_4_rules_and_v4_1_4s_version_object()
    {
        var files = new Dictionary<string, string> { ["templates/a.yaml"] = "v: {{ .Capabilities.HelmVersion.Version }}\nname: {{ index .Chart \"Name\" }}\n" };

        Assert.Equal("---\n# Source: hv/templates/a.yaml\nv: v4.1.4\nname: hv\n", Template("hv", files, Helm42));
        Assert.Equal(Template("hv", files, Helm4), Template("hv", files, Helm42));
    }

    [Theory]
    [InlineData("3", HelmLine.V3)]
    [InlineData("4", HelmLine.V4_1)]
    [InlineData("4.1", HelmLine.V4_1)]
    [InlineData("v4.1", HelmLine.V4_1)]
    [InlineData("4.2", HelmLine.V4_2)]
    public void Helm_version_flag_takes_3_4_4_1_or_4_2(string value, HelmLine line)
    {
        var chart = Path.Combine(RepositoryPaths.Root, "testdata", "charts", "helm4-objects");

        var parsed = HelmTemplateCommandLine.Parse([chart, "--helm-version=" + value], RepositoryPaths.Root, RepositoryPaths.Root);

        Assert.Null(parsed.Error);
        Assert.Equal(line, parsed.Options.HelmLine);
        Assert.Equal(line == HelmLine.V3 ? RenderOptions.Helm3Version : RenderOptions.Helm4Version, parsed.Options.HelmVersion);
        Assert.Equal(line == HelmLine.V4_2, parsed.Options.KeepsTrailingBlankLines);
        Assert.Equal(line == HelmLine.V4_2, parsed.Options.DropsNullDefaults);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("4.0")]
    [InlineData("4.3")]
    [InlineData("3.17")]
    public void Helm_version_flag_rejects_other_values_naming_the_accepted_ones(string value)
    {
        var chart = Path.Combine(RepositoryPaths.Root, "testdata", "charts", "helm4-objects");

        var bad = HelmTemplateCommandLine.Run([chart, "--helm-version", value], RepositoryPaths.Root, RepositoryPaths.Root);

        Assert.Equal("Error: invalid argument \"" + value + "\" for \"--helm-version\" flag: must be 3, 4, 4.1 or 4.2\n", bad.Error);
        Assert.Equal(3, new RenderOptions().HelmMajor);
        Assert.Equal(RenderOptions.Helm3Version, new RenderOptions().ForHelmLine(HelmLine.V4_2).ForHelmLine(HelmLine.V3).HelmVersion);
    }

    [Theory]
    [InlineData(HelmLine.V3)]
    [InlineData(HelmLine.V4_1)]
    [InlineData(HelmLine.V4_2)]
    public void Empty_files_glob_is_false_in_a_condition(HelmLine line)
    {
        // .Files is a Go map (engine.files): a Glob that matches nothing is empty, so false (bitnami/apache's vhosts ConfigMap).
        var files = new Dictionary<string, string>
        {
            ["files/readme.txt"] = "x",
            ["templates/a.yaml"] = "{{- if .Files.Glob \"files/*.conf\" }}\nconf: yes\n{{- end }}\n{{- if .Files.Glob \"files/*.txt\" }}\ntxt: yes\n{{- end }}\n",
        };

        Assert.Equal("---\n# Source: glob/templates/a.yaml\ntxt: yes\n", Template("glob", files, new RenderOptions().ForHelmLine(line)));
    }

    [Theory]
    [InlineData(HelmLine.V3)]
    [InlineData(HelmLine.V4_1)]
    [InlineData(HelmLine.V4_2)]
    public void Files_marshal_to_json_as_a_map_of_base64_bytes(HelmLine line)
    {
        // Captured from helm template (v3.17.2 and v4.1.4 print the same).
        var files = new Dictionary<string, string>
        {
            ["files/a.yaml"] = "k: v\n",
            ["templates/a.yaml"] = "glob: {{ .Files.Glob \"files/*\" | toJson | quote }}\n",
        };

        Assert.Equal("---\n# Source: fj/templates/a.yaml\nglob: \"{\\\"files/a.yaml\\\":\\\"azogdgo=\\\"}\"\n", Template("fj", files, new RenderOptions().ForHelmLine(line)));
    }

    private static ChartRender RenderChart(string chart, string template, RenderOptions options)
    {
        var dir = Directory.CreateTempSubdirectory(chart + "-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "templates"));
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: " + chart + "\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(dir.FullName, "templates", "a.yaml"), template);
            return HelmRenderer.Render(new ChartSource(dir.FullName, chart), options);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
