using System.Text.Json;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Reporting.GitHub;
using ManifestLint.Reporting.Json;
using ManifestLint.Reporting.Sarif;
using ManifestLint.Reporting.Text;

namespace ManifestLint.Reporting.Tests;

/// <summary>
/// Findings carry text from the input and from exceptions: control characters, NUL, escapes, lone surrogates,
/// very long lines, positions past the end of a file. No reporter may crash on them, and JSON and SARIF stay valid.
/// </summary>
public sealed class OddTextTests
{
    public static TheoryData<string> OddTexts => new(
        "NUL \u0000 and BEL \u0007 and ESC \u001b[31m red",
        "lone high \uD800 and lone low \uDC00 surrogates",
        "emoji \uD83D\uDE00 and RTL \u202e override and BOM \uFEFF",
        "line\nbreaks\r\nand\ttabs and \u2028 separators",
        "quotes \" ' ` and backslashes \\ and %s %d {0} and ::error:: and <script>",
        new string('x', 100_000));

    [Theory]
    [MemberData(nameof(OddTexts))]
    public void Every_reporter_writes_a_finding_with_odd_text(string text)
    {
        var source = new SourceFile("odd.yaml", "a: " + text + "\n");
        var finding = TestReports.Finding(InputProblems.InternalError.Id, Severity.Error, "Internal error: " + text,
            new SourceSpan("odd.yaml", 1, 4, 1, 4 + Math.Min(text.Length, 50)), yamlPath: "a[\"" + text + "\"]",
            related: [new RelatedLocation(new SourceSpan("odd \u0000 \uD800.yaml", 9, 99, 9, 120), text)]);
        var pastTheEnd = TestReports.Finding(InputProblems.YamlSyntax.Id, Severity.Error, text, new SourceSpan("odd.yaml", 40, 500, 41, 3));
        var report = TestReports.Report(RuleRunner.Sort([finding, pastTheEnd]), [source], [InputProblems.InternalError, InputProblems.YamlSyntax]);

        using (var json = JsonDocument.Parse(TestReports.Render(new JsonReporter(), report)))
            Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
        using (var sarif = JsonDocument.Parse(TestReports.Render(new SarifReporter(), report)))
            Assert.Equal(2, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Contains("internal-error", TestReports.Render(new TextReporter(new TextReporterOptions(Color: true, ShowSuppressed: true, Quiet: false)), report), StringComparison.Ordinal);
        Assert.Contains("internal-error", TestReports.Render(new TextReporter(new TextReporterOptions(Color: false, ShowSuppressed: false, Quiet: true)), report), StringComparison.Ordinal);
        Assert.Contains("internal-error", TestReports.Render(new GitHubReporter(), report), StringComparison.Ordinal);
    }
}
