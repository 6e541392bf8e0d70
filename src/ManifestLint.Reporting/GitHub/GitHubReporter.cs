using System.Globalization;
using System.Text;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;

namespace ManifestLint.Reporting.GitHub;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which GitHub turns into annotations on
/// the pull request diff. Suppressed findings are skipped: an accepted exception must not annotate the diff.
/// </summary>
public sealed class GitHubReporter : IReporter
{
    public void Write(LintReport report, TextWriter output)
    {
        var remediations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in report.Rules)
            remediations.TryAdd(rule.Id, rule.Remediation);

        foreach (var f in report.Findings)
        {
            if (f.IsSuppressed)
                continue;
            output.Write(Command(f, remediations.GetValueOrDefault(f.RuleId)));
            output.Write('\n');
        }
    }

    /// <summary>The workflow command for one finding.</summary>
    public static string Command(Finding finding, string? remediation = null)
    {
        var span = finding.Span;
        var sb = new StringBuilder("::");
        sb.Append(finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        });
        var properties = new List<string>(6);
        if (!string.IsNullOrEmpty(span.Path))
        {
            properties.Add("file=" + EscapeProperty(span.Path));
            var startLine = Math.Max(1, span.StartLine);
            var endLine = Math.Max(startLine, span.EndLine);
            properties.Add(Invariant($"line={startLine}"));
            properties.Add(Invariant($"endLine={endLine}"));
            // GitHub accepts columns only on single-line annotations.
            if (endLine == startLine)
            {
                var col = Math.Max(1, span.StartColumn);
                properties.Add(Invariant($"col={col}"));
                properties.Add(Invariant($"endColumn={Math.Max(col, span.EndColumn)}"));
            }
        }

        properties.Add("title=" + EscapeProperty(finding.RuleId));
        sb.Append(' ').Append(string.Join(',', properties));

        var message = finding.Message;
        if (!string.IsNullOrWhiteSpace(remediation))
            message += "\nFix: " + remediation;
        if (finding.Scenario is { Length: > 0 } scenario)
            message += "\nScenario: " + scenario;
        sb.Append("::").Append(EscapeData(message));
        return sb.ToString();
    }

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as data, plus <c>:</c> and <c>,</c>, which delimit properties.</summary>
    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
