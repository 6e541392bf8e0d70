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

    private static string Schema => """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "port": {"type": "integer", "minimum": 1, "exclusiveMaximum": 65536},
            "pullPolicy": {"enum": ["Always", "IfNotPresent", "Never"]}
          },
          "properties": {
            "port": {"$ref": "#/definitions/port"},
            "image": {
              "type": "object",
              "properties": {"pullPolicy": {"$ref": "#/definitions/pullPolicy"}},
              "oneOf": [{"required": ["tag"]}, {"required": ["digest"]}]
            },
            "mode": {"anyOf": [{"const": "fast"}, {"const": "safe"}]},
            "replicas": {"type": "integer", "multipleOf": 2, "not": {"const": 4}},
            "hosts": {"type": "array", "uniqueItems": true},
            "labels": {"type": "object", "patternProperties": {"^app": {"type": "string", "minLength": 3}}},
            "tls": {"type": "object", "if": {"properties": {"enabled": {"const": true}}}, "then": {"required": ["secretName"]}}
          }
        }
        """;

    [Theory]
    [InlineData("port: 8080\nimage: {tag: v1}\n", null)]
    [InlineData("port: 70000\n", "exclusiveMaximum")]
    [InlineData("port: 0\n", "minimum")]
    [InlineData("image: {pullPolicy: Sometimes, tag: v1}\n", "value must be one of")]
    [InlineData("image: {tag: v1, digest: sha256:abc}\n", "oneOf failed")]
    [InlineData("image: {pullPolicy: Always}\n", "oneOf failed")]
    [InlineData("mode: quick\n", "anyOf failed")]
    [InlineData("replicas: 3\n", "multipleOf")]
    [InlineData("replicas: 4\n", "not failed")]
    [InlineData("hosts: [a, b, a]\n", "uniqueItems")]
    [InlineData("labels: {app: x, other: y}\n", "minLength")]
    [InlineData("tls: {enabled: true}\n", "missing property 'secretName'")]
    [InlineData("tls: {enabled: false}\n", null)]
    public void Draft_07_keywords_and_local_refs_are_checked(string values, string? violation)
    {
        var folder = Directory.CreateTempSubdirectory("ml-schema-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Chart.yaml"), "apiVersion: v2\nname: s\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(folder, "values.yaml"), values);
            File.WriteAllText(Path.Combine(folder, "values.schema.json"), Schema);
            var render = HelmRenderer.Render(new ChartSource(folder, "s"), new RenderOptions());
            if (violation is null)
                Assert.Empty(render.Problems);
            else
                Assert.Contains(violation, Assert.Single(render.Problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
