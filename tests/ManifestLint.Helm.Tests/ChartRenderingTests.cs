using System.Collections.Immutable;
using ManifestLint.Testing;

namespace ManifestLint.Helm.Tests;

/// <summary>Realistic charts under testdata/charts, with the output Helm's documented rules give.</summary>
public sealed class ChartRenderingTests
{
    private static readonly RenderOptions Demo = new() { ReleaseName = "demo" };

    private static ChartRender Render(string chart, RenderOptions options) =>
        HelmRenderer.Render(new ChartSource(Path.Combine(RepositoryPaths.Root, "testdata", "charts", chart), "testdata/charts/" + chart), options);

    // Renders a chart of one template, written to a temporary folder that is gone when this returns.
    private static ChartRender RenderOneTemplate(string chart, string template, string text, RenderOptions options)
    {
        var dir = Directory.CreateTempSubdirectory(chart + "-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "templates"));
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: " + chart + "\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(dir.FullName, "templates", template), text);
            return HelmRenderer.Render(new ChartSource(dir.FullName, chart), options);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Expected(string chart, string file) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "testdata", "charts", chart, file)).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Keywords_sources_and_annotations_missing_from_chart_yaml_are_nil_as_in_helm()
    {
        var render = RenderOneTemplate(
            "kw",
            "cm.yaml",
            "kind: ConfigMap\ndata:\n  json: {{ toJson (dict \"k\" .Chart.Keywords \"s\" .Chart.Sources \"a\" .Chart.Annotations) | quote }}\n  len: {{ len .Chart.Keywords | quote }}\n",
            Demo);

        Assert.Empty(render.Problems);
        var manifest = Assert.Single(render.Manifests);
        Assert.Contains("json: \"{\\\"a\\\":null,\\\"k\\\":null,\\\"s\\\":null}\"", manifest.Content, StringComparison.Ordinal);
        Assert.Contains("len: \"0\"", manifest.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_dependency_files_tpl_and_lookup_render_as_helm_does()
    {
        var render = Render("library-user", Demo);

        Assert.Empty(render.Problems);
        Assert.Equal(Expected("library-user", "expected.txt"), HelmTemplateOutput.Format(render));
        Assert.Equal("Installed demo.\n", render.Notes);
    }

    [Fact]
    public void Archive_subchart_alias_condition_tags_imports_and_globals_apply()
    {
        var render = Render("umbrella", Demo);

        Assert.Empty(render.Problems);
        Assert.Equal(Expected("umbrella", "expected.txt"), HelmTemplateOutput.Format(render));
    }

    [Fact]
    public void Set_enables_a_condition_and_overrides_a_global()
    {
        var render = Render("umbrella", Demo with { SetValues = ["cache.enabled=true", "global.env=staging"] });

        Assert.Equal(Expected("umbrella", "expected-cache-enabled.txt"), HelmTemplateOutput.Format(render));
    }

    [Fact]
    public void Templates_inside_an_archive_have_no_repository_path()
    {
        var render = Render("umbrella", Demo);

        var api = Assert.Single(render.Templates, t => t.Name == "umbrella/charts/api/templates/deployment.yaml");
        Assert.Null(api.RepositoryPath);
        var own = Assert.Single(render.Templates, t => t.Name == "umbrella/templates/config.yaml");
        Assert.Equal("testdata/charts/umbrella/templates/config.yaml", own.RepositoryPath);
    }

    [Fact]
    public void Required_failure_is_helms_message_at_the_template_position_and_other_templates_still_render()
    {
        var render = Render("required-value", Demo);

        var problem = Assert.Single(render.Problems);
        Assert.Equal("execution error at (required-value/templates/pod.yaml:8:48): image.tag is required", problem.Message);
        Assert.Equal("testdata/charts/required-value/templates/pod.yaml", problem.Path);
        Assert.Equal(8, problem.Line);
        Assert.Equal(49, problem.Column);
        Assert.Contains(render.Manifests, m => m.Kind == "Service");
        Assert.Equal(
            "Error: execution error at (required-value/templates/pod.yaml:8:48): image.tag is required\n\nUse --debug flag to render out invalid YAML\n",
            HelmTemplateOutput.Format(render));
    }

    [Fact]
    public void Required_value_given_with_set_string_renders()
    {
        var render = Render("required-value", Demo with { SetStringValues = ["image.tag=1.25"] });

        Assert.Empty(render.Problems);
        Assert.Contains("image: \"nginx:1.25\"", render.Manifests.Single(m => m.Kind == "Pod").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_files_apply_in_order_and_null_deletes_a_default()
    {
        var later = Render("library-user", Demo with { ValuesFiles = [new ValuesFile("a.yaml", "replicas: 5\n"), new ValuesFile("b.yaml", "replicas: 7\n")] });
        var deleted = Render("library-user", Demo with { ValuesFiles = [new ValuesFile("a.yaml", "replicas: 5\n"), new ValuesFile("b.yaml", "replicas: null\n")] });

        Assert.EndsWith("replicas: 7", later.Manifests.Single(m => m.Kind == "Deployment").Content, StringComparison.Ordinal);
        Assert.EndsWith("replicas:", deleted.Manifests.Single(m => m.Kind == "Deployment").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_dependency_is_named()
    {
        var dir = Directory.CreateTempSubdirectory("h1-missing-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: postgresql\n    version: 1.x\n    repository: https://example.com\n");
            var render = HelmRenderer.Render(new ChartSource(dir.FullName, "app"), Demo);

            var problem = Assert.Single(render.Problems);
            Assert.Equal(RenderProblemKind.Chart, problem.Kind);
            Assert.EndsWith("found in Chart.yaml, but missing in charts/ directory: postgresql", problem.Message, StringComparison.Ordinal);
            Assert.Equal("app/Chart.yaml", problem.Path);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Source_map_points_at_the_template_line_and_the_values_line()
    {
        var render = Render("library-user", Demo);
        var deployment = render.Manifests.Single(m => m.Kind == "Deployment");
        var map = render.SourceMapFor(deployment);

        // "kind: Deployment" is template text: it maps to itself.
        var (kindSpan, kindValue) = map.Map(2, 7, 2, 17);
        Assert.Equal("testdata/charts/library-user/templates/deployment.yaml", kindSpan.Path);
        Assert.Equal((2, 7, 2, 17), (kindSpan.StartLine, kindSpan.StartColumn, kindSpan.EndLine, kindSpan.EndColumn));
        Assert.Null(kindValue);

        // "2" in "replicas: 2" came from {{ .Values.replicas }} and values.yaml line 2.
        var (span, value) = map.Map(6, 13, 6, 14);
        Assert.Equal("testdata/charts/library-user/templates/deployment.yaml", span.Path);
        Assert.Equal(6, span.StartLine);
        Assert.Equal(16, span.StartColumn); // the field node inside the action
        Assert.NotNull(value);
        Assert.Equal("testdata/charts/library-user/values.yaml", value.Span.Path);
        Assert.Equal(2, value.Span.StartLine);
        Assert.Equal("replicas", value.ValuePath);
    }

    [Fact]
    public void Default_api_versions_are_group_versions_only_as_under_helm_template()
    {
        const string Template = "kind: ConfigMap\ndata:\n  has: {{ range list \"apps/v1\" \"autoscaling/v2\" \"policy/v1beta1\" \"apiextensions.k8s.io/v1\" \"apps/v1/Deployment\" \"policy/v1/PodDisruptionBudget\" \"apiregistration.k8s.io/v1\" \"autoscaling/v2beta2\" }}{{ $.Capabilities.APIVersions.Has . }} {{ end }}\n";

        var defaults = RenderOneTemplate("apis", "cm.yaml", Template, Demo);
        var added = RenderOneTemplate("apis", "cm.yaml", Template, Demo with { ApiVersions = ["policy/v1/PodDisruptionBudget"] });

        Assert.Equal("kind: ConfigMap\ndata:\n  has: true true true true false false false false", Assert.Single(defaults.Manifests).Content);
        Assert.Equal("kind: ConfigMap\ndata:\n  has: true true true true false true false false", Assert.Single(added.Manifests).Content);
    }

    [Fact]
    public void Kube_version_and_api_versions_reach_capabilities()
    {
        var render = RenderOneTemplate(
            "caps",
            "cm.yaml",
            "kind: ConfigMap\ndata:\n  v: {{ .Capabilities.KubeVersion }}\n  minor: {{ .Capabilities.KubeVersion.Minor | quote }}\n  has: {{ .Capabilities.APIVersions.Has \"example.com/v1\" }}\n  root: {{ .Chart.IsRoot }}\n",
            Demo with { ApiVersions = ["example.com/v1"] });

        Assert.Equal("kind: ConfigMap\ndata:\n  v: v1.36.0\n  minor: \"36\"\n  has: true\n  root: true", Assert.Single(render.Manifests).Content);
    }

    [Fact]
    public void Invalid_yaml_problem_points_at_the_template_line()
    {
        var render = RenderOneTemplate("bad", "a.yaml", "{{/* comment */}}\n---\nkind: ConfigMap\ndata:\n  a: {{ \"b\" }}\ninvalid\n", Demo);

        var problem = Assert.Single(render.Problems);
        Assert.Equal(RenderProblemKind.Yaml, problem.Kind);
        Assert.StartsWith("YAML parse error on bad/templates/a.yaml: ", problem.Message, StringComparison.Ordinal);
        Assert.Equal("bad/templates/a.yaml", problem.Path);
        Assert.InRange(problem.Line, 5, 6);
    }

    [Fact]
    public void Value_rendered_through_toYaml_maps_to_its_values_line()
    {
        var render = Render("privileged", Demo);
        var pod = Assert.Single(render.Manifests);
        Assert.Equal("apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n    - name: main\n      image: busybox\n      securityContext:\n        privileged: true", pod.Content);

        // "true" on line 10 of the document, columns 21-25.
        var (span, value) = render.SourceMapFor(pod).Map(10, 21, 10, 25);

        Assert.Equal("testdata/charts/privileged/templates/pod.yaml", span.Path);
        Assert.Equal(10, span.StartLine);
        Assert.NotNull(value);
        Assert.Equal("testdata/charts/privileged/values.yaml", value.Span.Path);
        Assert.Equal(3, value.Span.StartLine);
        Assert.Equal("securityContext.privileged", value.ValuePath);
    }

    [Fact]
    public void Helmignore_excludes_files_and_hidden_files_in_templates_are_skipped()
    {
        var chart = ChartLoader.LoadDirectory(Path.Combine(RepositoryPaths.Root, "testdata", "charts", "privileged"), "testdata/charts/privileged");

        Assert.Equal(["templates/pod.yaml"], chart.Templates.Select(t => t.Name));
        Assert.DoesNotContain(chart.Files, f => f.Name.StartsWith("scratch/", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "testdata", "charts", "privileged", "scratch", "data.txt")));
        Assert.Equal("testdata/charts/privileged/values.yaml", chart.ValuesPath);
    }

    [Fact]
    public void Yaml_loader_sees_template_and_values_positions_through_the_map()
    {
        var render = Render("privileged", Demo);
        var pod = Assert.Single(render.Manifests);

        var loaded = ManifestLint.Core.Yaml.YamlLoader.Load(new ManifestLint.Core.Text.SourceFile(pod.Name, pod.Content), render.SourceMapFor(pod));

        var root = Assert.IsType<ManifestLint.Core.Yaml.YamlMapping>(Assert.Single(loaded.Documents).Root);
        var container = Assert.IsType<ManifestLint.Core.Yaml.YamlMapping>(root.GetMapping("spec")!.GetSequence("containers")!.Items[0]);
        var flag = container.GetMapping("securityContext")!.GetScalar("privileged")!;
        Assert.Equal("testdata/charts/privileged/templates/pod.yaml", flag.Span.Path);
        Assert.Equal(10, flag.Span.StartLine);
        Assert.Equal("testdata/charts/privileged/values.yaml", flag.Value!.Span.Path);
        Assert.Equal(3, flag.Value.Span.StartLine);
        var image = container.GetScalar("image")!;
        Assert.Equal(8, image.Span.StartLine);
        Assert.Equal("image", image.Value!.ValuePath);
        var kind = root.GetScalar("kind")!;
        Assert.Equal((2, 7), (kind.Span.StartLine, kind.Span.StartColumn));
        Assert.Null(kind.Value);
    }

    [Fact]
    public void Chart_kube_version_constraint_is_checked_against_the_capabilities()
    {
        var dir = Directory.CreateTempSubdirectory("h1-kube-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: old\nversion: 1.0.0\nkubeVersion: \"<1.25.0\"\n");

            var newer = HelmRenderer.Render(new ChartSource(dir.FullName, "old"), Demo);
            var older = HelmRenderer.Render(new ChartSource(dir.FullName, "old"), Demo with { KubeVersion = "1.24.3" });

            Assert.Equal("chart requires kubeVersion: <1.25.0 which is incompatible with Kubernetes v1.36.0", Assert.Single(newer.Problems).Message);
            Assert.Empty(older.Problems);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
