using System.Globalization;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Reporting.Text;

/// <summary>
/// Human-readable output in the rustc/ruff style: a header line per finding, the source line with a
/// caret under the span, the fix in one sentence, related locations as notes, then a summary.
/// </summary>
public sealed class TextReporter(TextReporterOptions options) : IReporter
{
    public TextReporter()
        : this(TextReporterOptions.Default)
    {
    }

    public TextReporterOptions Options { get; } = options;

    public void Write(LintReport report, TextWriter output)
    {
        var style = new AnsiStyle(Options.Color);
        var remediations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in report.Rules)
            remediations.TryAdd(rule.Id, rule.Remediation);

        var first = true;
        foreach (var finding in report.Findings)
        {
            if (finding.IsSuppressed && !Options.ShowSuppressed)
                continue;
            if (Options.Quiet)
            {
                output.Write(Header(finding, style));
                output.Write('\n');
                continue;
            }

            if (!first)
                output.Write('\n');
            first = false;
            WriteFinding(report, finding, remediations.GetValueOrDefault(finding.RuleId), style, output);
        }

        if (Options.Quiet)
            return;
        if (!first)
            output.Write('\n');
        output.Write(Summary(report, style));
        output.Write('\n');
    }

    /// <summary>The summary line, e.g. <c>2 errors, 1 warning, 0 notes in 3 files (5 resources, 1 chart) — 1 suppressed</c>.</summary>
    public static string Summary(LintReport report) => Summary(report, new AnsiStyle(false));

    private static string Summary(LintReport report, AnsiStyle style)
    {
        var (errors, warnings, notes, suppressed) = ReportFacts.Count(report);
        var s = report.Statistics;
        var scope = string.Create(CultureInfo.InvariantCulture,
            $"{Plural(s.Files, "file")} ({Plural(s.Resources, "resource")}, {Plural(s.Charts, "chart")})");
        var tail = suppressed > 0 ? string.Create(CultureInfo.InvariantCulture, $" — {suppressed} suppressed") : string.Empty;
        if (errors + warnings + notes == 0)
            return style.Fix("No problems found") + " in " + scope + tail;
        var counts = string.Join(", ",
            style.Severity(Severity.Error, Plural(errors, "error")),
            style.Severity(Severity.Warning, Plural(warnings, "warning")),
            style.Severity(Severity.Note, Plural(notes, "note")));
        return counts + " in " + scope + tail;
    }

    private static string Plural(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static string Header(Finding finding, AnsiStyle style)
    {
        var span = finding.Span;
        var where = string.Create(CultureInfo.InvariantCulture, $"{TerminalText.Sanitize(span.Path)}:{span.StartLine}:{span.StartColumn}:");
        var level = style.Severity(finding.Severity, ReportFacts.SeverityName(finding.Severity) + "[" + finding.RuleId + "]");
        var header = style.Bold(where) + " " + level + " " + style.Bold(TerminalText.Sanitize(finding.Message));
        if (finding.IsSuppressed)
            header += " " + style.Dim("(suppressed)");
        return header;
    }

    private static void WriteFinding(LintReport report, Finding finding, string? remediation, AnsiStyle style, TextWriter output)
    {
        output.Write(Header(finding, style));
        output.Write('\n');

        var span = finding.Span;
        report.Sources.TryGetValue(span.Path, out var source);
        var hasLine = source is not null && span.StartLine >= 1 && span.StartLine <= source.LineCount;
        var width = hasLine ? span.StartLine.ToString(CultureInfo.InvariantCulture).Length : 1;
        var pad = new string(' ', width);

        if (hasLine)
        {
            var line = source!.GetLine(span.StartLine);
            var startIndex = Math.Max(span.StartColumn, 1) - 1;
            var endIndex = span.EndLine == span.StartLine ? Math.Max(span.EndColumn, 1) - 1 : line.Length;
            endIndex = Math.Min(endIndex, Math.Max(line.Length, startIndex + 1));
            var caretStart = TerminalText.DisplayWidth(line, startIndex);
            var caretLength = Math.Max(1, TerminalText.DisplayWidth(line, endIndex) - caretStart);

            output.Write(style.Gutter(pad + " |"));
            output.Write('\n');
            output.Write(style.Gutter(span.StartLine.ToString(CultureInfo.InvariantCulture) + " |"));
            var display = TerminalText.DisplayLine(line);
            if (display.Length > 0)
                output.Write(" " + display);
            output.Write('\n');
            output.Write(style.Gutter(pad + " |"));
            output.Write(" " + new string(' ', caretStart));
            output.Write(style.Severity(finding.Severity, new string('^', caretLength)));
            output.Write('\n');
        }

        if (!string.IsNullOrWhiteSpace(remediation))
            Note(output, style, pad, "fix", remediation);
        foreach (var related in finding.Related)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{related.Span.Path}:{related.Span.StartLine}:{related.Span.StartColumn}");
            Note(output, style, pad, "note", at + ": " + related.Message);
        }

        if (finding.Scenario is { Length: > 0 } scenario)
            Note(output, style, pad, "scenario", scenario);
        if (finding.Suppression is { } sup)
        {
            var kind = sup.Kind == SuppressionKind.InSource ? "in source" : "external";
            Note(output, style, pad, "suppressed", kind + ": " + sup.Justification);
        }
    }

    private static void Note(TextWriter output, AnsiStyle style, string pad, string label, string text)
    {
        output.Write(pad + " " + style.Gutter("=") + " " + style.Bold(label + ":") + " " + TerminalText.Sanitize(text));
        output.Write('\n');
    }
}
