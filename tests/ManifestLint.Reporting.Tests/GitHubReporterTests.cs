using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Reporting.GitHub;

namespace ManifestLint.Reporting.Tests;

public class GitHubReporterTests
{
    [Fact]
    public void Each_unsuppressed_finding_becomes_one_annotation_with_its_level()
    {
        var lines = TestReports.Render(new GitHubReporter(), TestReports.Typical()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.Equal(
            "::error file=deploy/app.yaml,line=13,endLine=13,col=25,endColumn=29,title=privileged-container::Container 'app' runs privileged%0AFix: Remove `privileged: true`; grant only the capability needed.",
            lines[2]);
        Assert.StartsWith("::warning file=deploy/app.yaml,line=11,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("busybox", StringComparison.Ordinal));
    }

    [Fact]
    public void Notes_become_notices_and_multi_line_spans_drop_columns()
    {
        var finding = TestReports.Finding("image-not-pinned", Severity.Note, "Image is not pinned", new SourceSpan("a.yaml", 3, 5, 6, 2));

        Assert.Equal("::notice file=a.yaml,line=3,endLine=6,title=image-not-pinned::Image is not pinned", GitHubReporter.Command(finding));
    }

    [Fact]
    public void Message_data_escapes_percent_and_line_breaks()
    {
        Assert.Equal("100%25 sure%0D%0Anext: a,b", GitHubReporter.EscapeData("100% sure\r\nnext: a,b"));
    }

    [Fact]
    public void Property_values_also_escape_colon_and_comma()
    {
        var finding = TestReports.Finding("privileged-container", Severity.Error, "m", new SourceSpan("dir,x/a:b%.yaml", 1, 1, 1, 2));

        var command = GitHubReporter.Command(finding);

        Assert.StartsWith("::error file=dir%2Cx/a%3Ab%25.yaml,line=1,", command, StringComparison.Ordinal);
        Assert.Equal("a%3Ab%2Cc%25d%0Ae", GitHubReporter.EscapeProperty("a:b,c%d\ne"));
    }
}
