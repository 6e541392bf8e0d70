using System.Collections.Immutable;
using System.CommandLine;
using ManifestLint.Cli;
using ManifestLint.Commands;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules;

namespace ManifestLint.Tests.Isolation;

/// <summary>Issue #16: whatever one input does, it is a located finding and every other input is still linted.</summary>
public sealed class InputIsolationTests
{
    /// <summary>The smallest input of the report: YamlDotNet's scanner throws InvalidOperationException on it.</summary>
    public const string ReportedInput = "metadata:\n    metadata:\n      volumes:\n        - name: {etcd\n          volumeMounts:\n";

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx
        """;

    private const string ChartYaml = "apiVersion: v2\nname: demo\nversion: 1.0.0\n";

    private const string ConfigMapTemplate = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  v: {{ .Values.v | quote }}\n";

    private const string PodTemplate = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-pod\nspec:\n  containers:\n    - name: c\n      image: nginx\n";

    [Fact]
    public void Reported_input_is_a_located_yaml_syntax_finding_and_the_rest_of_the_folder_is_linted()
    {
        using var folder = new TempFolder();
        folder.Write("a-bad.yaml", ReportedInput);
        folder.Write("b-pod.yaml", Pod);

        var (run, findings) = folder.LintJson();

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var syntax = Assert.Single(findings, f => f.Path == "a-bad.yaml");
        Assert.Equal("yaml-syntax", syntax.RuleId);
        Assert.InRange(syntax.Line, 4, 5);
        Assert.True(syntax.Column >= 1);
        Assert.Contains("Invalid YAML", syntax.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Path == "b-pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Loader_reports_the_reported_input_instead_of_throwing()
    {
        var result = YamlLoader.Load(new SourceFile("x.yaml", ReportedInput + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(InputProblems.YamlSyntax.Id, problem.RuleId);
        Assert.InRange(problem.Span.StartLine, 4, 5);
        Assert.Single(result.Documents, d => (d.Root as YamlMapping)?.GetMapping("metadata")?.GetScalar("name")?.Text == "after");
    }

    [Theory]
    [InlineData("a:\n  b: [c")]
    [InlineData("a:\n  b: {c: d")]
    [InlineData("a:\n  - b\n c")]
    [InlineData("a: \"b")]
    public void Syntax_error_at_the_end_of_a_file_without_a_final_line_break_points_inside_the_file(string text)
    {
        var file = new SourceFile("x.yaml", text);

        var problem = Assert.Single(YamlLoader.Load(file).Problems);

        Assert.InRange(problem.Span.StartLine, 1, file.LineCount);
        Assert.InRange(problem.Span.StartColumn, 1, file.GetLine(problem.Span.StartLine).Length + 1);
    }

    [Theory]
    [InlineData("chart/values.yaml")]
    [InlineData("chart/Chart.yaml")]
    public void Chart_with_a_broken_values_file_or_chart_yaml_is_located_there_and_plain_files_beside_it_still_lint(string broken)
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", ChartYaml + (broken == "chart/Chart.yaml" ? ReportedInput : string.Empty));
        folder.Write("chart/values.yaml", "v: 1\n" + (broken == "chart/values.yaml" ? ReportedInput : string.Empty));
        folder.Write("chart/templates/cm.yaml", ConfigMapTemplate);
        folder.Write("pod.yaml", Pod);

        var (run, findings) = folder.LintJson();

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var chart = Assert.Single(findings, f => f.Path.StartsWith("chart/", StringComparison.Ordinal));
        Assert.Equal("helm-chart-invalid", chart.RuleId);
        Assert.Equal(broken, chart.Path);
        Assert.True(chart.Line > 1, $"line {chart.Line}");
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Chart_with_a_template_that_renders_broken_yaml_keeps_its_other_templates_and_the_plain_files()
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", ChartYaml);
        folder.Write("chart/values.yaml", "v: 1\n");
        folder.Write("chart/templates/broken.yaml", ReportedInput);
        folder.Write("chart/templates/pod.yaml", PodTemplate);
        folder.Write("chart/templates/bad-syntax.yaml", "{{ if }}\n");
        folder.Write("pod.yaml", Pod);

        var (run, findings) = folder.LintJson();

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        Assert.Contains(findings, f => f.Path == "chart/templates/bad-syntax.yaml" && f.RuleId == "helm-render" && f.Line == 1);
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Chart_template_whose_output_is_broken_yaml_is_a_located_finding_and_its_other_templates_are_linted()
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", ChartYaml);
        folder.Write("chart/values.yaml", "v: 1\n");
        folder.Write("chart/templates/broken.yaml", ReportedInput);
        folder.Write("chart/templates/pod.yaml", PodTemplate);
        folder.Write("pod.yaml", Pod);

        var (run, findings) = folder.LintJson();

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var broken = Assert.Single(findings, f => f.Path == "chart/templates/broken.yaml");
        Assert.Equal("helm-render", broken.RuleId);
        Assert.True(broken.Line > 1, $"line {broken.Line}");
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Broken_values_file_given_with_values_is_located_and_other_inputs_still_lint()
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", ChartYaml);
        folder.Write("chart/values.yaml", "v: 1\n");
        folder.Write("chart/templates/cm.yaml", ConfigMapTemplate);
        folder.Write("overrides.yaml", "v: 2\n" + ReportedInput);
        folder.Write("pod.yaml", Pod);

        var (run, findings) = folder.LintJson("--values", "overrides.yaml", "--exclude", "overrides.yaml");

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var values = Assert.Single(findings, f => f.Path == "overrides.yaml");
        Assert.Equal("helm-render", values.RuleId);
        Assert.Contains("failed to parse overrides.yaml", values.Message, StringComparison.Ordinal);
        Assert.True(values.Line > 1, $"line {values.Line}");
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Broken_values_file_named_in_the_configuration_is_located_and_other_inputs_still_lint()
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", ChartYaml);
        folder.Write("chart/values.yaml", "v: 1\n");
        folder.Write("chart/templates/cm.yaml", ConfigMapTemplate);
        folder.Write("config/prod.yaml", "v: 2\n" + ReportedInput);
        folder.Write(".manifestlint.yaml", "exclude: [\"config/**\"]\ncharts:\n  chart:\n    values: [config/prod.yaml]\n");
        folder.Write("pod.yaml", Pod);

        var (run, findings) = folder.LintJson();

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var values = Assert.Single(findings, f => f.Path == "config/prod.yaml");
        Assert.Equal("helm-render", values.RuleId);
        Assert.True(values.Line > 1, $"line {values.Line}");
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Values_path_that_is_not_a_readable_file_is_a_usage_error_not_an_internal_one()
    {
        using var folder = new TempFolder();
        folder.Write("pod.yaml", Pod);
        Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "values-dir.yaml"));

        var run = CliRun.Invoke(["lint", "pod.yaml", "--values", "values-dir.yaml"], folder.Path);

        Assert.True(run.ExitCode is ExitCodes.UsageError, run.ToString());
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_that_throws_on_one_resource_is_an_internal_error_there_and_everything_else_still_runs()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Pod);
        folder.Write("b.yaml", Pod.Replace("name: web\nspec", "name: boom\nspec", StringComparison.Ordinal));
        folder.Write("c.yaml", Pod.Replace("name: web\nspec", "name: last\nspec", StringComparison.Ordinal));
        var catalog = new RuleCatalog([.. BuiltInRules.All, new ThrowingRule()], RuleCatalog.BuiltIn.Reserved);

        var run = InvokeWith(catalog, folder.Path, "lint", ".", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().Select(JsonFinding.From).ToList();
        var error = Assert.Single(findings, f => f.RuleId == InputProblems.InternalError.Id);
        Assert.Equal("b.yaml", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("rule 'test-throws'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pod/boom", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", error.Message, StringComparison.Ordinal);

        // The throwing rule still reports the other resources; other rules report all three.
        Assert.Equal(["a.yaml", "c.yaml"], findings.Where(f => f.RuleId == "test-throws").Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["a.yaml", "b.yaml", "c.yaml"], findings.Where(f => f.RuleId == "latest-image-tag").Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rule_runner_isolates_each_failing_resource_and_keeps_output_deterministic()
    {
        var resources = Resources(("a", false), ("boom-1", false), ("b", false), ("boom-2", false), ("c", false));
        var graph = ResourceGraph.Build(resources);
        (Rule, object?)[] rules = [(new ThrowingRule(), null), (new BuiltInRulesProbe(), null)];

        var first = RuleRunner.Run(graph, rules);
        var second = RuleRunner.Run(graph, rules, maxDegreeOfParallelism: 1);

        Assert.Equal(first.Select(f => (f.RuleId, f.Span.Path, f.Span.StartLine, f.Message)), second.Select(f => (f.RuleId, f.Span.Path, f.Span.StartLine, f.Message)));
        var errors = first.Where(f => f.RuleId == InputProblems.InternalError.Id).ToList();
        Assert.Equal(["boom-1", "boom-2"], errors.Select(f => f.Subject!.Name));
        Assert.All(errors, e => Assert.Equal(e.Subject!.AnchorNode.Span, e.Span));
        Assert.Equal(["a", "b", "c"], first.Where(f => f.RuleId == "test-throws").Select(f => f.Subject!.Name));
        Assert.Equal(5, first.Count(f => f.RuleId == "test-probe"));
    }

    [Fact]
    public void Rule_that_fails_on_every_input_is_one_internal_error_and_other_rules_still_run()
    {
        var graph = ResourceGraph.Build(Resources(("a", false), ("b", false)));
        (Rule, object?)[] rules = [(new AlwaysThrowingRule(), null), (new BuiltInRulesProbe(), null)];

        var findings = RuleRunner.Run(graph, rules);

        var error = Assert.Single(findings, f => f.RuleId == InputProblems.InternalError.Id);
        Assert.Contains("rule 'test-always-throws'", error.Message, StringComparison.Ordinal);
        Assert.Equal("a.yaml", error.Span.Path);
        Assert.Equal(2, findings.Count(f => f.RuleId == "test-probe"));
    }

    [Fact]
    public void Internal_errors_cannot_be_suppressed_by_annotation()
    {
        var resources = Resources(("boom", true));
        var findings = RuleRunner.Run(ResourceGraph.Build(resources), [(new ThrowingRule(), null)]);
        var applied = Core.Policy.SuppressionPolicy.Apply(findings, ImmutableDictionary<string, Severity>.Empty);
        Assert.False(Assert.Single(applied, f => f.RuleId == InputProblems.InternalError.Id).IsSuppressed);
    }

    [Fact]
    public void Findings_of_one_rule_at_one_location_are_capped_with_a_count_of_those_left_out()
    {
        var graph = ResourceGraph.Build(Resources(("a", false), ("b", false)));

        var findings = RuleRunner.Run(graph, [(new ManyAtOneSpotRule(), null)]);

        Assert.Equal(2 * (RuleRunner.MaxFindingsPerLocation + 1), findings.Length);
        var summaries = findings.Where(f => f.Message.Contains("left out", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.All(summaries, f => Assert.StartsWith($"{1000 - RuleRunner.MaxFindingsPerLocation} more finding(s) of 'test-many'", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_1_MB_input_of_services_and_pods_that_all_select_each_other_finishes_with_a_bounded_report()
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; sb.Length < 1_000_000; i++)
        {
            sb.Append(i % 2 == 0
                ? $"---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  labels: {{app: x}}\nspec:\n  containers: [{{name: c, image: nginx}}]\n"
                : $"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s{i}\nspec:\n  selector: {{app: x}}\n  ports: [{{port: 80, targetPort: web}}]\n");
        }

        using var folder = new TempFolder();
        folder.Write("big.yaml", sb.ToString());

        // A hang fails with a TimeoutException; no timing is asserted beyond that.
        var run = await Task.Run(() => CliRun.Invoke(["lint", "big.yaml", "--format", "json", "--quiet"], folder.Path)).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.FindingsAtOrAboveThreshold, run.Error);
        Assert.Contains("\"findings\":", run.Out, StringComparison.Ordinal);
        // One finding per Service port, whatever the number of pods it selects: the report grows with the input.
        using var report = System.Text.Json.JsonDocument.Parse(run.Out);
        var services = sb.ToString().Split("kind: Service").Length - 1;
        var pods = sb.ToString().Split("kind: Pod").Length - 1;
        var missingPort = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "service-target-port-missing").ToList();
        Assert.Equal(services, missingPort.Count);
        Assert.Contains($"(nor {pods - 1} other selected pod template(s))", missingPort[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.InRange(run.Out.Length, 1, 200_000_000);
    }

    private static ImmutableArray<Resource> Resources(params (string Name, bool SuppressAll)[] names)
    {
        var builder = ImmutableArray.CreateBuilder<Resource>();
        foreach (var (name, suppress) in names)
        {
            var annotations = suppress ? "  annotations:\n    ignore-check.manifestlint.io/all: \"accepted\"\n" : string.Empty;
            var text = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n{annotations}data:\n  k: v\n";
            var path = name + ".yaml";
            foreach (var doc in YamlLoader.Load(new SourceFile(path, text)).Documents)
                builder.AddRange(ResourceReader.Read(doc, "default", new ResourceOrigin(path, doc.Index), out _));
        }

        return builder.ToImmutable();
    }

    private static CliRun InvokeWith(RuleCatalog catalog, string workingDirectory, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, workingDirectory, ImmutableDictionary<string, string>.Empty, false);
        var exitCode = ManifestLintCommand.GetCommand(environment, catalog).Parse(args).Invoke();
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static RuleInfo TestInfo(string id) => new(id, "Test rule", Category.Resources, Severity.Warning, EnabledByDefault: true, Since: "0.1.0", "Test.", "Test.", []);

    /// <summary>Reports every resource, and throws on those whose name starts with <c>boom</c>.</summary>
    private sealed class ThrowingRule : Rule
    {
        public override RuleInfo Info { get; } = TestInfo("test-throws");

        public override IEnumerable<Finding> Check(RuleContext context)
        {
            foreach (var r in context.Graph.Resources)
            {
                if (r.Name.StartsWith("boom", StringComparison.Ordinal))
                    throw new InvalidOperationException("Operation is not valid due to the current state of the object.");
                yield return context.Report(r, r.AnchorNode, $"seen {r.Name}");
            }
        }
    }

    /// <summary>A thousand findings on each resource's name.</summary>
    private sealed class ManyAtOneSpotRule : Rule
    {
        public override RuleInfo Info { get; } = TestInfo("test-many");

        public override IEnumerable<Finding> Check(RuleContext context) =>
            context.Graph.Resources.SelectMany(r => Enumerable.Range(0, 1000).Select(i => context.Report(r, r.AnchorNode, $"pair {i}")));
    }

    private sealed class AlwaysThrowingRule : Rule
    {
        public override RuleInfo Info { get; } = TestInfo("test-always-throws");

        public override IEnumerable<Finding> Check(RuleContext context) => throw new NotSupportedException("never works");
    }

    private sealed class BuiltInRulesProbe : Rule
    {
        public override RuleInfo Info { get; } = TestInfo("test-probe");

        public override IEnumerable<Finding> Check(RuleContext context) =>
            context.Graph.Resources.Select(r => context.Report(r, r.AnchorNode, $"probe {r.Name}"));
    }
}
