using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Reporting.Sarif;
using NJsonSchema;

namespace ManifestLint.Reporting.Tests;

public class SarifReporterTests
{
    private static string Sarif(LintReport report, SarifReporterOptions? options = null) =>
        TestReports.Render(new SarifReporter(options ?? SarifReporterOptions.Default), report);

    private static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    private static JsonElement ResultFor(JsonElement run, string ruleId) =>
        run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == ruleId);

    /// <summary>A report exercising every optional part: category, baseline, scenario, suppression, related locations, input problems.</summary>
    private static (LintReport Report, SarifReporterOptions Options) Rich()
    {
        var report = TestReports.Typical();
        var findings = report.Findings.Select(f => f.RuleId == "privileged-container" ? f with { Scenario = "prod values" } : f).ToImmutableArray();
        var baseline = new Dictionary<string, SarifBaselineState>(StringComparer.Ordinal)
        {
            [findings.First(f => f.RuleId == "latest-image-tag").Fingerprint] = SarifBaselineState.Unchanged,
        };
        return (report with { Findings = findings }, new SarifReporterOptions("manifests/prod", baseline));
    }

    [Fact]
    public void Same_report_gives_byte_identical_output()
    {
        var (report, options) = Rich();

        var first = Sarif(report, options);
        var second = Sarif(Rich().Report, options);

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_header_and_driver()
    {
        var sarif = Sarif(TestReports.Typical());
        var root = JsonDocument.Parse(sarif).RootElement;
        var driver = Run(sarif).GetProperty("tool").GetProperty("driver");

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("ManifestLint", driver.GetProperty("name").GetString());
        Assert.Equal("0.1.0", driver.GetProperty("version").GetString());
        Assert.Equal("0.1.0", driver.GetProperty("semanticVersion").GetString());
        Assert.Equal("https://github.com/manifestlint/manifestlint", driver.GetProperty("informationUri").GetString());
    }

    [Fact]
    public void Rules_are_sorted_described_and_scored_for_code_scanning()
    {
        var rules = Run(Sarif(TestReports.Typical())).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(["latest-image-tag", "privileged-container", "yaml-syntax"], rules.Select(r => r.GetProperty("id").GetString()));
        var privileged = rules[1];
        Assert.Equal("PrivilegedContainer", privileged.GetProperty("name").GetString());
        Assert.Equal("Containers must not run privileged", privileged.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.StartsWith("A privileged container", privileged.GetProperty("fullDescription").GetProperty("text").GetString(), StringComparison.Ordinal);
        var help = privileged.GetProperty("help");
        Assert.Contains("Remove `privileged: true`", help.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("[Pod Security Standards: Baseline](https://kubernetes.io/", help.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://github.com/manifestlint/manifestlint/blob/main/rules/privileged-container.md", privileged.GetProperty("helpUri").GetString());
        Assert.Equal("error", privileged.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        var properties = privileged.GetProperty("properties");
        Assert.Equal(["security", "pod-security"], properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("8.0", properties.GetProperty("security-severity").GetString());
        Assert.Equal("high", properties.GetProperty("precision").GetString());
        var latest = rules[0].GetProperty("properties");
        Assert.Equal(["security", "images", "supply-chain"], latest.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("4.5", latest.GetProperty("security-severity").GetString());
    }

    [Fact]
    public void Severity_overrides_set_the_rule_level_of_the_run()
    {
        var report = TestReports.Typical() with
        {
            SeverityOverrides = new Dictionary<string, Severity>(StringComparer.Ordinal) { ["privileged-container"] = Severity.Warning },
        };

        var rules = Run(Sarif(report)).GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.Equal("warning", rules[1].GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void Results_point_at_their_rule_and_at_a_relative_region()
    {
        var run = Run(Sarif(TestReports.Typical()));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");

        foreach (var result in run.GetProperty("results").EnumerateArray())
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());

        var privileged = ResultFor(run, "privileged-container");
        Assert.Equal("error", privileged.GetProperty("level").GetString());
        Assert.Equal("Container 'app' runs privileged ([Bound to this ServiceAccount](1))", privileged.GetProperty("message").GetProperty("text").GetString());
        var location = Assert.Single(privileged.GetProperty("locations").EnumerateArray());
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("deploy/app.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = physical.GetProperty("region");
        Assert.Equal([13, 25, 13, 29], new[] { "startLine", "startColumn", "endLine", "endColumn" }.Select(p => region.GetProperty(p).GetInt32()));
        var logical = Assert.Single(location.GetProperty("logicalLocations").EnumerateArray());
        Assert.Equal("shop/Deployment/app", logical.GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("resource", logical.GetProperty("kind").GetString());
        var related = Assert.Single(privileged.GetProperty("relatedLocations").EnumerateArray());
        Assert.Equal(1, related.GetProperty("id").GetInt32());
        Assert.Equal("deploy/rbac.yaml", related.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("Bound to this ServiceAccount", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("file:///repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Partial_fingerprints_use_our_key_only_and_ignore_line_moves()
    {
        var report = TestReports.Typical();
        var moved = report with
        {
            Findings = [.. report.Findings.Select(f => f with { Span = f.Span with { StartLine = f.Span.StartLine + 40, EndLine = f.Span.EndLine + 40 } })],
        };

        var before = ResultFor(Run(Sarif(report)), "privileged-container").GetProperty("partialFingerprints");
        var after = ResultFor(Run(Sarif(moved)), "privileged-container").GetProperty("partialFingerprints");

        var only = Assert.Single(before.EnumerateObject());
        Assert.Equal("manifestlint/v1", only.Name);
        Assert.Equal(report.Findings.Single(f => f.RuleId == "privileged-container").Fingerprint, only.Value.GetString());
        Assert.Equal(only.Value.GetString(), after.GetProperty("manifestlint/v1").GetString());
        Assert.DoesNotContain("primaryLocationLineHash", Sarif(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Related_location_links_escape_brackets_in_their_text()
    {
        var finding = TestReports.Finding(
            "privileged-container", Severity.Error, "m", new SourceSpan("a.yaml", 1, 1, 1, 2),
            related: [new RelatedLocation(new SourceSpan("b.yaml", 2, 1, 2, 2), "rules[0] allows it"), new RelatedLocation(new SourceSpan("c.yaml", 3, 1, 3, 2), "role")]);

        var result = ResultFor(Run(Sarif(TestReports.Report([finding]))), "privileged-container");

        Assert.Equal(@"m ([rules\[0\] allows it](1); [role](2))", result.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal([1, 2], result.GetProperty("relatedLocations").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
    }

    [Fact]
    public void Suppressed_findings_stay_with_their_justification()
    {
        var run = Run(Sarif(TestReports.Typical()));

        var suppressed = run.GetProperty("results").EnumerateArray().Single(r => r.TryGetProperty("suppressions", out _));
        var suppression = Assert.Single(suppressed.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("Pinned by the mirror", suppression.GetProperty("justification").GetString());
        Assert.Equal(5, suppression.GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(4, run.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Baseline_state_is_written_only_when_a_baseline_was_used()
    {
        var (report, options) = Rich();

        var without = Run(Sarif(report));
        var with = Run(Sarif(report, options));

        Assert.All(without.GetProperty("results").EnumerateArray(), r => Assert.False(r.TryGetProperty("baselineState", out _)));
        Assert.Equal("unchanged", ResultFor(with, "latest-image-tag").GetProperty("baselineState").GetString());
        Assert.Equal("new", ResultFor(with, "privileged-container").GetProperty("baselineState").GetString());
    }

    [Fact]
    public void Category_and_scenario_are_written()
    {
        var (report, options) = Rich();

        var run = Run(Sarif(report, options));

        Assert.Equal("manifests/prod/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal("prod values", ResultFor(run, "privileged-container").GetProperty("properties").GetProperty("scenario").GetString());
        Assert.False(Run(Sarif(report)).TryGetProperty("automationDetails", out _));
    }

    [Fact]
    public void Input_problems_are_also_tool_execution_notifications()
    {
        var invocation = Assert.Single(Run(Sarif(TestReports.Typical())).GetProperty("invocations").EnumerateArray());

        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("Expected a mapping value", notification.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("broken.yaml", notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("yaml-syntax", notification.GetProperty("associatedRule").GetProperty("id").GetString());
    }

    [Fact]
    public void A_clean_run_still_has_rules_and_an_empty_results_array()
    {
        var run = Run(Sarif(TestReports.Report([])));

        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.Equal(2, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.False(run.GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out _));
    }

    [Fact]
    public void A_finding_of_an_unlisted_rule_gets_a_descriptor_and_a_valid_index()
    {
        var report = TestReports.Report([TestReports.Finding("mystery-rule", Severity.Note, "m", new SourceSpan("a.yaml", 0, 0, 0, 0))]);

        var run = Run(Sarif(report));

        var result = ResultFor(run, "mystery-rule");
        var index = result.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("mystery-rule", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        Assert.Equal(1, region.GetProperty("startColumn").GetInt32());
    }

    [Theory]
    [InlineData("deploy/app.yaml", "deploy/app.yaml")]
    [InlineData("my charts/app #1/values.yaml", "my%20charts/app%20%231/values.yaml")]
    [InlineData("k8s/ünïcode.yaml", "k8s/%C3%BCn%C3%AFcode.yaml")]
    [InlineData("a:b/c?.yaml", "a%3Ab/c%3F.yaml")]
    [InlineData("dir\\win.yaml", "dir/win.yaml")]
    public void Paths_become_relative_uri_references(string path, string uri)
    {
        Assert.Equal(uri, SarifReporter.RelativeUri(path));
    }

    [Fact]
    public void Results_beyond_code_scannings_limit_are_kept_and_flagged()
    {
        var findings = Enumerable.Range(1, GitHubSarifLimits.MaxResultsPerRun + 1)
            .Select(i => TestReports.Finding("privileged-container", Severity.Error, "m", SourceSpan.At("many.yaml", i, 1), yamlPath: $"items[{i}]"))
            .ToImmutableArray();
        var report = TestReports.Report(findings);
        using var output = new StringWriter();

        var written = new SarifReporter().WriteChecked(report, output);

        Assert.True(written.ExceedsGitHubLimits);
        Assert.Contains("25001 results", Assert.Single(written.LimitWarnings), StringComparison.Ordinal);
        var run = Run(output.ToString());
        Assert.Equal(GitHubSarifLimits.MaxResultsPerRun + 1, run.GetProperty("results").GetArrayLength());
        var notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.False(new SarifReporter().WriteChecked(TestReports.Typical(), TextWriter.Null).ExceedsGitHubLimits);
    }

    [Fact]
    public void A_log_over_the_compressed_upload_limit_is_flagged_with_its_gzip_size()
    {
        // Messages of random letters hardly compress: about 14 MB of them stay over 10 MB gzip-compressed.
        var random = new Random(14);
        const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var findings = Enumerable.Range(1, 1400)
            .Select(i => TestReports.Finding("privileged-container", Severity.Error,
                string.Create(10_000, random, (span, r) =>
                {
                    for (var j = 0; j < span.Length; j++)
                        span[j] = Letters[r.Next(Letters.Length)];
                }),
                SourceSpan.At("big.yaml", i, 1), yamlPath: $"items[{i}]"))
            .ToImmutableArray();
        using var output = new StringWriter();

        var written = new SarifReporter().WriteChecked(TestReports.Report(findings), output);

        var warning = Assert.Single(written.LimitWarnings);
        Assert.Matches(@"^This SARIF log is \d+ bytes gzip-compressed; GitHub code scanning rejects uploads over 10485760 bytes", warning);
        var notification = Assert.Single(Run(output.ToString()).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal(warning, notification.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void A_log_over_ten_megabytes_that_compresses_well_is_not_flagged()
    {
        // The same messages repeated: a log far over 10 MB raw, far under it gzip-compressed.
        var message = string.Concat(Enumerable.Repeat("the same words again and again ", 330));
        var findings = Enumerable.Range(1, 1400)
            .Select(i => TestReports.Finding("privileged-container", Severity.Error, message, SourceSpan.At("big.yaml", i, 1), yamlPath: $"items[{i}]"))
            .ToImmutableArray();
        using var output = new StringWriter();

        var written = new SarifReporter().WriteChecked(TestReports.Report(findings), output);

        Assert.True(written.Bytes > GitHubSarifLimits.MaxGzipBytes);
        Assert.Empty(written.LimitWarnings);
    }

    [RequiresFileFact("sarif-schema")]
    public async Task Output_validates_against_the_sarif_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryFiles.SarifSchema!);
        var (report, options) = Rich();

        foreach (var sarif in new[] { Sarif(report, options), Sarif(TestReports.Typical()), Sarif(TestReports.Report([])) })
        {
            var errors = schema.Validate(sarif);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    [RequiresFileFact("sarif-schema")]
    public async Task The_schema_check_catches_an_invalid_log()
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryFiles.SarifSchema!);
        var broken = Sarif(TestReports.Typical()).Replace("\"startLine\": 13", "\"startLine\": 0", StringComparison.Ordinal);

        Assert.NotEmpty(schema.Validate(broken));
    }

    [RequiresFileFact("sarif-validate")]
    public async Task Output_passes_the_sarif_multitool_with_github_rules()
    {
        var (report, options) = Rich();
        var directory = Directory.CreateTempSubdirectory("manifestlint-sarif-");
        try
        {
            var path = Path.Combine(directory.FullName, "rich.sarif");
            await File.WriteAllTextAsync(path, Sarif(report, options));
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(RepositoryFiles.SarifValidate!);
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            var text = await stdout + await stderr;

            Assert.True(process.ExitCode == 0, $"sarif-validate exited {process.ExitCode}:\n{text}");
            Assert.Contains("no errors (0 warnings)", text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
