using System.Text.Json;
using ManifestLint.Testing;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests;

/// <summary>
/// The CLI run in-process over <c>testdata/e2e/&lt;scenario&gt;/</c> from the repository root, as a user runs it:
/// exit codes, and snapshots of the text and SARIF a user or code scanning sees.
/// </summary>
public class EndToEndTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => new() { "app", "hardened", "broken-yaml", "suppressions", "config", "chart" };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Text_report_matches_snapshot(string scenario)
    {
        var run = CliRun.Invoke("lint", $"testdata/e2e/{scenario}", "--fail-on", "none");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Snapshot.Match(SnapshotText.Normalize(run.Out), SnapshotNameExtension.Create(scenario));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sarif_report_matches_snapshot(string scenario)
    {
        var run = CliRun.Invoke("lint", $"testdata/e2e/{scenario}", "--format", "sarif", "--fail-on", "none");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Snapshot.Match(SnapshotText.Sarif(run.Out), SnapshotNameExtension.Create(scenario));
    }

    [Fact]
    public void Findings_at_or_above_fail_on_exit_1()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/app");

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        Assert.Contains("error[privileged-container]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Hardened_app_has_no_findings_and_exits_0_even_with_fail_on_note()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/hardened", "--fail-on", "note");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.StartsWith("No problems found", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app")]
    [InlineData("suppressions")]
    [InlineData("broken-yaml")]
    public void Exit_code_follows_fail_on(string scenario)
    {
        var findings = Findings(CliRun.Invoke("lint", $"testdata/e2e/{scenario}", "--format", "json", "--fail-on", "none").Out)
            .Where(f => !f.Suppressed).ToList();
        Assert.NotEmpty(findings);

        foreach (var (level, rank) in new[] { ("error", 3), ("warning", 2), ("note", 1) })
        {
            var expected = findings.Any(f => f.Rank >= rank) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
            var run = CliRun.Invoke("lint", $"testdata/e2e/{scenario}", "--format", "json", "--fail-on", level);
            Assert.True(expected == run.ExitCode, $"--fail-on {level}: {run}");
        }
    }

    [Fact]
    public void Broken_yaml_is_a_finding_at_its_position_and_the_good_files_are_still_linted()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/broken-yaml", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var findings = Findings(run.Out);
        var syntax = Assert.Single(findings, f => f.RuleId == "yaml-syntax");
        Assert.Equal("testdata/e2e/broken-yaml/broken.yaml", syntax.Path);
        Assert.Equal(14, syntax.Line);
        Assert.Contains(findings, f => f.RuleId == "privileged-container" && f.Path == "testdata/e2e/broken-yaml/api.yaml" && f.Line == 18);
        Assert.Contains(findings, f => f.RuleId == "host-network" && f.Path == "testdata/e2e/broken-yaml/broken.yaml" && f.Line == 21);
    }

    [Fact]
    public void Suppressions_need_a_reason_and_a_known_rule()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/suppressions", "--format", "json", "--fail-on", "none");

        var findings = Findings(run.Out);
        Assert.Contains(findings, f => f.RuleId == "host-network" && f.Suppressed);
        Assert.Contains(findings, f => f.RuleId == "host-pid" && !f.Suppressed);
        Assert.Contains(findings, f => f.RuleId == "suppression-without-reason" && f.Line == 9);
        Assert.All(findings.Where(f => f.Line is > 25 and < 44), f => Assert.True(f.Suppressed, $"{f.RuleId} at line {f.Line} is not suppressed by 'all'"));
        Assert.Contains(findings, f => f.RuleId == "privileged-container" && f.Line > 44 && !f.Suppressed);
    }

    [Fact]
    public void A_chart_finding_points_at_the_template_line_and_the_values_line()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/chart", "--format", "sarif", "--fail-on", "error");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var sarif = System.Text.Json.JsonDocument.Parse(run.Out);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "privileged-container");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("testdata/e2e/chart/web/templates/deployment.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(27, location.GetProperty("region").GetProperty("startLine").GetInt32());
        var related = result.GetProperty("relatedLocations").EnumerateArray().Select(r => r.GetProperty("physicalLocation")).ToList();
        Assert.Contains(related, r => r.GetProperty("artifactLocation").GetProperty("uri").GetString() == "testdata/e2e/chart/web/values.yaml"
            && r.GetProperty("region").GetProperty("startLine").GetInt32() == 12);
    }

    [Fact]
    public void Helm_set_on_the_lint_command_changes_what_is_linted()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/chart", "--format", "json", "--set", "securityContext.privileged=false", "--fail-on", "error");

        Assert.DoesNotContain(Findings(run.Out), f => f.RuleId == "privileged-container");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public void Chart_values_scenarios_lint_each_ci_values_file_and_name_it()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/chart", "--format", "json", "--chart-values-scenarios", "--fail-on", "none");

        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var privileged = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "privileged-container")
            .Select(f => f.GetProperty("scenario").GetString())
            .ToList();
        Assert.Equal(["testdata/e2e/chart/web/ci/default-values.yaml"], privileged);
        var scenarios = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("scenario").GetString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["testdata/e2e/chart/web/ci/default-values.yaml", "testdata/e2e/chart/web/ci/production-values.yaml"], scenarios);
    }

    [Fact]
    public void Chart_values_and_release_come_from_the_config_file()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/chart-config", "--format", "json", "--fail-on", "none");

        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var hostNetwork = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "host-network");
        Assert.Equal("testdata/e2e/chart-config/api/templates/pod.yaml", hostNetwork.GetProperty("path").GetString());
        Assert.Equal("prod/Pod/shop-api", hostNetwork.GetProperty("resource").GetProperty("key").GetString());
    }

    [Fact]
    public void Helm_template_drop_in_takes_helms_command_line()
    {
        var run = CliRun.Invoke("helm", "template", "shop", "testdata/e2e/chart/web", "--set", "securityContext.privileged=false", "--namespace", "prod");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("---\n# Source: web/templates/service.yaml\n", run.Out.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("name: shop-web", run.Out, StringComparison.Ordinal);
        Assert.Contains("privileged: false", run.Out, StringComparison.Ordinal);

        var usage = CliRun.Invoke("helm", "template");
        Assert.Equal(1, usage.ExitCode);
        Assert.StartsWith("Error: \"helm template\" requires at least 1 argument", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_file_disables_a_rule_changes_severities_and_excludes_files()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/config", "--format", "json");

        var findings = Findings(run.Out);
        Assert.DoesNotContain(findings, f => f.RuleId == "image-not-pinned");
        Assert.DoesNotContain(findings, f => f.Path.Contains("generated/", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "missing-liveness-probe" && f.Severity == "error");
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
    }

    [Fact]
    public void Command_line_wins_over_the_config_file()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/config", "--format", "json", "--enable", "image-not-pinned", "--fail-on", "none");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(Findings(run.Out), f => f.RuleId == "image-not-pinned");
    }

    [Fact]
    public void Report_only_keeps_findings_of_the_named_files_but_lints_everything()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/broken-yaml", "--report-only", "testdata/e2e/broken-yaml/api.yaml", "--format", "json");

        var findings = Findings(run.Out);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("testdata/e2e/broken-yaml/api.yaml", f.Path));
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
    }

    [Fact]
    public void Readme_example_reports_the_unsafe_workloads_and_spares_the_hardened_ones()
    {
        var run = CliRun.Invoke("lint", "testdata/examples/shop", "--format", "json");

        var findings = Findings(run.Out);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.DoesNotContain(findings, f => f.Path.EndsWith("/frontend.yaml", StringComparison.Ordinal));
        foreach (var id in new[] { "privileged-container", "host-pid", "host-network", "host-path-volume", "hardcoded-secret-in-env", "dangerous-capability", "latest-image-tag" })
            Assert.Contains(findings, f => f.RuleId == id && f.Path == "testdata/examples/shop/admin-tools.yaml");
        Assert.Contains(findings, f => f.RuleId == "secret-in-env" && f.Path == "testdata/examples/shop/payments.yaml");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Every_format_reports_the_same_run_with_the_same_exit_code(string format)
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/app", "--format", format);

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        Assert.Contains("privileged-container", run.Out, StringComparison.Ordinal);
        if (format == "github")
            Assert.All(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("::", line, StringComparison.Ordinal));
        if (format is "json" or "sarif")
            JsonDocument.Parse(run.Out).Dispose();
    }

    [Fact]
    public void Two_runs_give_byte_identical_sarif()
    {
        var first = CliRun.Invoke("lint", "testdata/e2e", "--format", "sarif", "--fail-on", "none");
        var second = CliRun.Invoke("lint", "testdata/e2e", "--format", "sarif", "--fail-on", "none");

        Assert.False(string.IsNullOrEmpty(first.Out));
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Sarif_paths_are_relative_to_the_repository_root()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/app", "--format", "sarif", "--fail-on", "none");

        using var doc = JsonDocument.Parse(run.Out);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.NotEqual(0, results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.StartsWith("testdata/e2e/app/", artifact.GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        }
    }

    [Fact]
    public void Output_file_gets_the_report_and_stderr_a_summary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"manifestlint-{Guid.NewGuid():N}", "out.sarif");
        try
        {
            var run = CliRun.Invoke("lint", "testdata/e2e/app", "--format", "sarif", "--output", path, "--fail-on", "none");

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Equal(string.Empty, run.Out);
            Assert.Contains("sarif report written to", run.Error, StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Sarif_from_a_real_run_passes_the_shared_validator()
    {
        var validator = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "tools", "sarif-validate"));
        if (!File.Exists(validator))
        {
            // xunit 2 has no runtime skip; the message says why nothing was checked.
            output.WriteLine($"skipped: {validator} not found (../shared is not beside this clone)");
            return;
        }

        var path = Path.Combine(Path.GetTempPath(), $"manifestlint-{Guid.NewGuid():N}.sarif");
        try
        {
            var run = CliRun.Invoke("lint", "testdata/e2e", "--format", "sarif", "--output", path, "--fail-on", "none");
            Assert.Equal(ExitCodes.Success, run.ExitCode);

            var (exit, text) = Processes.Run(validator, path);
            if (exit == 2)
            {
                output.WriteLine($"skipped: sarif-validate could not set up the SARIF multitool: {text}");
                return;
            }

            Assert.True(exit == 0, text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<JsonFinding> Findings(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(JsonFinding.From).ToList();
    }
}
