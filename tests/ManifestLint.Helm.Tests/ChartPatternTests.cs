using ManifestLint.Testing;

namespace ManifestLint.Helm.Tests;

/// <summary>
/// Template patterns of public charts that once rendered differently from Helm, as small charts under testdata/charts
/// whose expected output was captured from helm v3.17.2 (`helm template demo CHART`).
/// </summary>
public sealed class ChartPatternTests
{
    private static readonly RenderOptions Demo = new() { ReleaseName = "demo" };

    private static ChartRender Render(string chart, RenderOptions? options = null) =>
        HelmRenderer.Render(new ChartSource(Path.Combine(RepositoryPaths.Root, "testdata", "charts", chart), "testdata/charts/" + chart), options ?? Demo);

    private static string Expected(string chart) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "testdata", "charts", chart, "expected.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Values_template_rendered_with_tpl_that_calls_tpl_on_empty_and_define_only_snippets_renders_as_helm()
    {
        // loki-stack's promtail: config.file is rendered with tpl and calls tpl on snippets, some of them "".
        var render = Render("nested-tpl");

        Assert.Empty(render.Problems);
        Assert.Equal(Expected("nested-tpl"), HelmTemplateOutput.Format(render));
    }

    [Fact]
    public void Version_guard_converting_semver_fields_and_capabilities_with_int_passes_and_computes_as_helm()
    {
        // traefik: `int (semver $version).Major` (a uint64) must be 3, not 0, or the guard fails the chart.
        var render = Render("semver-guard", Demo with { KubeVersion = "v1.34.0" });

        Assert.Empty(render.Problems);
        Assert.Equal(Expected("semver-guard"), HelmTemplateOutput.Format(render));
    }

    [Fact]
    public void Version_guard_still_fails_an_old_version_with_helms_message()
    {
        var render = Render("semver-guard", Demo with { SetValues = ["image.tag=v2.11.0"] });

        var problem = Assert.Single(render.Problems);
        Assert.Equal("execution error at (semver-guard/templates/deployment.yaml:3:4): this chart needs proxy v3 or later, got v2.11.0", problem.Message);
    }
}
