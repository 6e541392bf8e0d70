using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Reporting.Text;

namespace ManifestLint.Reporting.Tests;

public class TextReporterTests
{
    private static string Plain(LintReport report, TextReporterOptions? options = null) =>
        TestReports.Render(new TextReporter(options ?? new TextReporterOptions()), report);

    private static LintReport One(string path, string text, SourceSpan span, string ruleId = "privileged-container", Severity severity = Severity.Error) =>
        TestReports.Report(
            [TestReports.Finding(ruleId, severity, "Container 'app' runs privileged", span)],
            [new SourceFile(path, text)]);

    [Fact]
    public void Code_frame_puts_the_caret_under_the_span()
    {
        var report = TestReports.Report(
            [TestReports.Finding("privileged-container", Severity.Error, "Container 'app' runs privileged",
                new SourceSpan(TestReports.DeploymentPath, 13, 25, 13, 29), TestReports.Deployment())],
            [new SourceFile(TestReports.DeploymentPath, TestReports.DeploymentYaml)]);

        var text = Plain(report);

        Assert.Equal(
            """
            deploy/app.yaml:13:25: error[privileged-container] Container 'app' runs privileged
               |
            13 |             privileged: true
               |                         ^^^^
               = fix: Remove `privileged: true`; grant only the capability needed.

            1 error, 0 warnings, 0 notes in 1 file (1 resource, 0 charts)

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Crlf_sources_print_without_carriage_returns_and_keep_the_column()
    {
        var text = Plain(One("a.yaml", "kind: Pod\r\nspec:\r\n  hostNetwork: true\r\n", new SourceSpan("a.yaml", 3, 16, 3, 20)));

        Assert.DoesNotContain('\r', text);
        Assert.Contains("3 |   hostNetwork: true\n  |                ^^^^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_are_expanded_and_the_caret_follows_them()
    {
        var text = Plain(One("a.yaml", "a:\n\tkey: value\n", new SourceSpan("a.yaml", 2, 7, 2, 12)));

        // The tab displays as four spaces, so column 7 ('v') is at display offset 4 + 5.
        Assert.Contains("2 |     key: value\n  |          ^^^^^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_at_the_end_of_a_line_gets_one_caret_after_the_last_character()
    {
        var text = Plain(One("a.yaml", "metadata:\n  name: app\n", SourceSpan.At("a.yaml", 1, 10)));

        Assert.Contains("1 | metadata:\n  |          ^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_span_over_several_lines_is_underlined_to_the_end_of_its_first_line()
    {
        var text = Plain(One("a.yaml", "spec:\n  containers:\n  - name: a\n", new SourceSpan("a.yaml", 2, 3, 3, 12)));

        Assert.Contains("2 |   containers:\n  |   ^^^^^^^^^^^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_source_prints_the_finding_without_a_frame()
    {
        var report = TestReports.Report(
            [TestReports.Finding("privileged-container", Severity.Error, "Container 'app' runs privileged", new SourceSpan("gone.yaml", 3, 5, 3, 9))]);

        var text = Plain(report);

        Assert.StartsWith("gone.yaml:3:5: error[privileged-container] Container 'app' runs privileged\n  = fix: Remove", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_beyond_the_source_prints_no_frame()
    {
        var text = Plain(One("a.yaml", "a: 1\n", new SourceSpan("a.yaml", 9, 1, 9, 2)));

        Assert.DoesNotContain(" |", text, StringComparison.Ordinal);
        Assert.Contains("a.yaml:9:1: error[privileged-container]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_is_emitted_only_when_asked()
    {
        var report = TestReports.Typical();

        var plain = Plain(report);
        var colored = Plain(report, new TextReporterOptions(Color: true));

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[1;31merror[privileged-container]\u001b[0m", colored, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;33mwarning[latest-image-tag]\u001b[0m", colored, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_manifests_never_reach_the_terminal()
    {
        var report = TestReports.Report(
            [TestReports.Finding("privileged-container", Severity.Error, "Container '\u001b[2Jevil' runs privileged", new SourceSpan("a.yaml", 1, 7, 1, 11))],
            [new SourceFile("a.yaml", "name: \u001b]0;pwned\u0007x\n")]);

        var text = Plain(report);

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("Container '\uFFFD[2Jevil' runs privileged", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Related_locations_and_the_scenario_are_notes()
    {
        var finding = TestReports.Finding(
            "privileged-container", Severity.Error, "Container 'app' runs privileged", new SourceSpan("t.yaml", 1, 1, 1, 2),
            related: [new RelatedLocation(new SourceSpan("values.yaml", 7, 3, 7, 9), "Value set here")]);
        finding = finding with { Scenario = "prod" };

        var text = Plain(TestReports.Report([finding]));

        Assert.Contains("  = note: values.yaml:7:3: Value set here\n", text, StringComparison.Ordinal);
        Assert.Contains("  = scenario: prod\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_findings_are_hidden_unless_asked_and_always_counted()
    {
        var report = TestReports.Typical();

        var hidden = Plain(report);
        var shown = Plain(report, new TextReporterOptions(ShowSuppressed: true));

        Assert.DoesNotContain("busybox", hidden, StringComparison.Ordinal);
        Assert.EndsWith("2 errors, 1 warning, 0 notes in 3 files (2 resources, 0 charts) — 1 suppressed\n", hidden, StringComparison.Ordinal);
        Assert.Contains("deploy/job.yaml:9:18: warning[latest-image-tag] Image 'busybox' has no tag (suppressed)\n", shown, StringComparison.Ordinal);
        Assert.Contains("= suppressed: in source: Pinned by the mirror\n", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_run_says_so()
    {
        var text = Plain(TestReports.Report([], statistics: new LintStatistics(4, 1, 9, 7, 2, TimeSpan.Zero)));

        Assert.Equal("No problems found in 4 files (7 resources, 1 chart)\n", text);
    }

    [Fact]
    public void Quiet_prints_one_line_per_finding_and_no_summary()
    {
        var text = Plain(TestReports.Typical(), new TextReporterOptions(Quiet: true));

        Assert.Equal(
            "broken.yaml:3:7: error[yaml-syntax] Expected a mapping value\n" +
            "deploy/app.yaml:11:18: warning[latest-image-tag] Image 'nginx:latest' uses the latest tag\n" +
            "deploy/app.yaml:13:25: error[privileged-container] Container 'app' runs privileged\n",
            text);
        Assert.Equal(string.Empty, Plain(TestReports.Report([]), new TextReporterOptions(Quiet: true)));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        Assert.Equal(Plain(TestReports.Typical()), Plain(TestReports.Typical()));
    }
}
