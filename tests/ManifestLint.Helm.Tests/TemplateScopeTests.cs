using ManifestLint.Testing;

namespace ManifestLint.Helm.Tests;

/// <summary>
/// How templates of a chart see each other's writes, as in Helm's engine: one mutable top-level map per chart, templates
/// executed deepest path first (then in reverse name order), a subchart's .Values the very map its parent sees as
/// .Values.&lt;child&gt;. The expected outputs under testdata/charts were captured from helm v3.17.2 (`helm template demo CHART`).
/// </summary>
public sealed class TemplateScopeTests
{
    private static readonly RenderOptions Demo = new() { ReleaseName = "demo" };

    private static ChartRender Render(string chart) =>
        HelmRenderer.Render(new ChartSource(Path.Combine(RepositoryPaths.Root, "testdata", "charts", chart), "testdata/charts/" + chart), Demo);

    private static string Expected(string chart) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "testdata", "charts", chart, "expected.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Set_on_the_top_level_object_or_values_is_seen_by_templates_executed_later()
    {
        // zzz_profile.yaml replaces $.Values (as Istio's charts do); templates/a/b/c/deep.yaml runs first (deepest) and
        // sets keys; zzz_z.yaml runs before zzz_profile.yaml (reverse name order), so it sees no defaults yet.
        var render = Render("shared-scope");

        Assert.Empty(render.Problems);
        Assert.Equal(Expected("shared-scope"), HelmTemplateOutput.Format(render));
    }

    [Fact]
    public void Each_template_and_its_includes_see_their_own_template_object()
    {
        var render = Render("shared-scope");

        var a = Assert.Single(render.Templates, t => t.Name == "shared-scope/templates/a.yaml");
        Assert.Contains("where: \"shared-scope/templates/a.yaml\"", a.Text, StringComparison.Ordinal);

        // deep.yaml stored $ in .Values; read back by later templates, its .Template is theirs (one shared map).
        Assert.Contains("savedTemplate: \"shared-scope/templates/a.yaml\"", a.Text, StringComparison.Ordinal);
        var z = Assert.Single(render.Templates, t => t.Name == "shared-scope/templates/zzz_z.yaml");
        Assert.Contains("savedTemplate: \"shared-scope/templates/zzz_z.yaml\"", z.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Subchart_values_are_the_parents_table_itself_but_replacing_the_parents_values_does_not_reach_them()
    {
        // replace.yaml (deepest, so first) swaps $.Values for a merge whose "one" is the old table itself (mergo keeps
        // the reference) but whose "two" is a new map; writes through them reach subchart one only.
        var render = Render("replaced-values");

        Assert.Empty(render.Problems);
        Assert.Equal(Expected("replaced-values"), HelmTemplateOutput.Format(render));
    }

    [Fact]
    public void Subchart_values_are_chartutil_values_while_the_parent_sees_a_plain_map()
    {
        var render = Render("shared-scope");

        var child = Assert.Single(render.Templates, t => t.Name == "shared-scope/charts/child/templates/cm.yaml");
        Assert.Contains("valuesType: \"chartutil.Values\"", child.Text, StringComparison.Ordinal);
        Assert.Contains("rootType: \"chartutil.Values\"", child.Text, StringComparison.Ordinal);
        var deep = Assert.Single(render.Templates, t => t.Name == "shared-scope/templates/a/b/c/deep.yaml");
        Assert.Contains("childType: \"map[string]interface {}\"", deep.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_global_tables_are_shared_between_parent_and_subchart_but_top_level_globals_are_copied()
    {
        // Helm copies each global table one level deep into a subchart: global.a and global.t.k set by a parent
        // template stay the parent's, global.t.u.k is the same map on both sides, and the subchart's own default
        // global.t.u.childonly is merged into the parent's table as well.
        var render = Render("shared-globals");

        Assert.Empty(render.Problems);
        Assert.Equal(Expected("shared-globals"), HelmTemplateOutput.Format(render));
    }
}
