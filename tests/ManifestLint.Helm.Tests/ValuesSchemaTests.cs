using ManifestLint.Testing;

namespace ManifestLint.Helm.Tests;

/// <summary>values.schema.json violations against Helm's own golden messages (helm install output, same validator).</summary>
public sealed class ValuesSchemaTests
{
    private static string Golden => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "helm-golden", "testdata"));

    [Theory]
    [InlineData("chart-with-schema-negative", "", "schema-negative.txt")]
    [InlineData("chart-with-schema", "age=-5", "schema-negative-cli.txt")]
    [InlineData("chart-with-schema-and-subchart", "", "subchart-schema-negative.txt")]
    public void Violations_are_worded_as_helm_words_them(string chart, string set, string golden)
    {
        var goldenPath = Path.Combine(Golden, "output", golden);
        if (!File.Exists(goldenPath))
            return;
        var options = new RenderOptions { ReleaseName = "schema", SetValues = set.Length > 0 ? [set] : [] };

        var render = HelmRenderer.Render(new ChartSource(Path.Combine(Golden, "testcharts", chart), chart), options);

        var expected = File.ReadAllText(goldenPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        expected = expected["Error: INSTALLATION FAILED: ".Length..].TrimEnd('\n');
        Assert.Equal(expected, render.Problems[0].Message);
    }

    [Fact]
    public void Violation_points_at_the_values_file_line()
    {
        var chart = Path.Combine(RepositoryPaths.Root, "testdata", "charts", "schema-checked");
        var render = HelmRenderer.Render(
            new ChartSource(chart, "testdata/charts/schema-checked"),
            new RenderOptions { ValuesFiles = [new ValuesFile("testdata/charts/schema-checked/ci/bad-values.yaml", "# too few\nreplicas: 0\n")] });

        var problem = render.Problems[0];
        Assert.Equal(RenderProblemKind.Values, problem.Kind);
        Assert.Equal("values don't meet the specifications of the schema(s) in the following chart(s):\nschema-checked:\n- at '/replicas': minimum: got 0, want 1", problem.Message);
        Assert.Equal("testdata/charts/schema-checked/ci/bad-values.yaml", problem.Path);
        Assert.Equal(2, problem.Line);
        Assert.Contains(render.Manifests, m => m.Kind == "Deployment");
    }

    [Fact]
    public void Valid_values_and_skip_flag_give_no_problem()
    {
        var chart = Path.Combine(RepositoryPaths.Root, "testdata", "charts", "schema-checked");

        Assert.Empty(HelmRenderer.Render(new ChartSource(chart, "c"), new RenderOptions()).Problems);
        Assert.Empty(HelmRenderer.Render(new ChartSource(chart, "c"), new RenderOptions { SetValues = ["replicas=0"], SkipSchemaValidation = true }).Problems);
    }
}
