using System.Text.Json;
using System.Text.RegularExpressions;
using ManifestLint.Testing;

namespace ManifestLint.Tests.Schema;

/// <summary>The schema rules end to end: rendered chart output located on template lines, the target version's API set in .Capabilities, CRDs from crds/ and --crd.</summary>
public sealed partial class SchemaLintTests
{
    private const string Chart = "testdata/schema/chart";

    private static readonly string[] SchemaRules =
        ["schema-unknown-field", "schema-invalid-type", "schema-missing-required", "schema-invalid-value", "schema-duplicate-list-key", "api-removed", "api-deprecated", "crd-schema-violation"];

    [Fact]
    public void Rendered_chart_findings_are_on_the_template_lines_the_markers_name()
    {
        var expected = new List<(string Path, int Line, string Rule)>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, Chart, "templates")).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Marker().Match(lines[i]) is { Success: true } m)
                    expected.Add((RepositoryPaths.Relative(file), i + 1, m.Groups[1].Value));
            }
        }

        var actual = Lint(Chart).Where(f => SchemaRules.Contains(f.RuleId)).Select(f => (f.Path, f.Line, f.RuleId)).Order().ToList();
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected.Order().ToList(), actual);
    }

    [Fact]
    public void Capabilities_list_the_target_versions_apis_so_the_chart_picks_a_served_version()
    {
        // policy/v1 PodDisruptionBudget exists from 1.21: at 1.20 the template falls back to policy/v1beta1, served there.
        var old = Lint(Chart, "--kube-version", "v1.20.0");
        Assert.DoesNotContain(old, f => f.Path.EndsWith("pdb.yaml", StringComparison.Ordinal) && SchemaRules.Contains(f.RuleId));
        Assert.Contains(old, f => f.RuleId == "api-deprecated" && f.Path.EndsWith("ingress.yaml", StringComparison.Ordinal) && f.Message.Contains("target 1.20", StringComparison.Ordinal));
        var render = CliRun.Invoke("render", Chart, "--show-only", "templates/pdb.yaml");
        Assert.Contains("apiVersion: policy/v1beta1", render.Out, StringComparison.Ordinal); // helm template's default set has no kinds
        Assert.DoesNotContain(Lint(Chart), f => f.Path.EndsWith("pdb.yaml", StringComparison.Ordinal) && SchemaRules.Contains(f.RuleId));
    }

    [Fact]
    public void Crd_option_validates_custom_resources_by_a_crd_outside_the_input()
    {
        Assert.DoesNotContain(Lint("testdata/schema/widget.yaml"), f => f.RuleId == "crd-schema-violation");
        var finding = Assert.Single(Lint("testdata/schema/widget.yaml", "--crd", "testdata/schema/crds"), f => f.RuleId == "crd-schema-violation");
        Assert.Equal(("testdata/schema/widget.yaml", 6, 9), (finding.Path, finding.Line, finding.Column));
        Assert.Contains("spec.size: expected an integer", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crds_in_the_configuration_file_validate_custom_resources()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-crds-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "defs"));
            File.Copy(Path.Combine(RepositoryPaths.Root, "testdata/schema/crds/widget-crd.yaml"), Path.Combine(dir.FullName, "defs", "widget-crd.yaml"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "app"));
            File.Copy(Path.Combine(RepositoryPaths.Root, "testdata/schema/widget.yaml"), Path.Combine(dir.FullName, "app", "widget.yaml"));
            File.WriteAllText(Path.Combine(dir.FullName, ".manifestlint.yaml"), "crds:\n  - defs\n");
            var run = CliRun.Invoke(["lint", "app", "--format", "json", "--fail-on", "none"], workingDirectory: dir.FullName);
            using var doc = JsonDocument.Parse(run.Out);
            var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray().Select(JsonFinding.From), f => f.RuleId == "crd-schema-violation");
            Assert.Equal(("app/widget.yaml", 6), (finding.Path, finding.Line));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Complete_reports_custom_resources_without_a_crd()
    {
        var finding = Assert.Single(Lint("testdata/schema/widget.yaml", "--complete"), f => f.RuleId == "crd-schema-violation");
        Assert.Contains("no CustomResourceDefinition", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kube_version_that_is_not_kubernetes_1x_is_a_usage_error()
    {
        var run = CliRun.Invoke("lint", "testdata/schema/widget.yaml", "--kube-version", "banana");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--kube-version", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_lists_cel_rules_as_not_evaluated()
    {
        var run = CliRun.Invoke("explain", "crd-schema-violation", "--crd", "testdata/schema/chart/crds/backup.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not evaluated: Backup.example.com/v1 at testdata/schema/chart/crds/backup.yaml:25: self.size() > 0 (schedule must not be empty)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Give --crd FILE", CliRun.Invoke("explain", "crd-schema-violation").Out, StringComparison.Ordinal);
    }

    private static List<JsonFinding> Lint(params string[] args)
    {
        var run = CliRun.Invoke(["lint", .. args, "--format", "json", "--fail-on", "none"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(JsonFinding.From)];
    }

    [GeneratedRegex(@"# expect: ([a-z-]+)")]
    private static partial Regex Marker();
}
