using System.Text.Json;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Reporting.Json;

/// <summary>
/// The stable JSON format described in <c>Json/README.md</c>. Written with <see cref="Utf8JsonWriter"/> (no
/// reflection, so trimming and Native AOT are safe); every documented property is always present, null when it has no value.
/// </summary>
public sealed class JsonReporter : IReporter
{
    /// <summary>Bumped only when a property is removed or changes meaning; adding properties keeps the version.</summary>
    public const int SchemaVersion = 1;

    public void Write(LintReport report, TextWriter output) => JsonOutput.WriteTo(output, w => WriteReport(report, w));

    private static void WriteReport(LintReport report, Utf8JsonWriter w)
    {
        var (errors, warnings, notes, suppressed) = ReportFacts.Count(report);
        var s = report.Statistics;
        w.WriteStartObject();
        w.WriteNumber("version", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", ReportFacts.ToolName);
        w.WriteString("version", report.ToolVersion);
        w.WriteEndObject();

        w.WriteStartObject("summary");
        w.WriteNumber("errors", errors);
        w.WriteNumber("warnings", warnings);
        w.WriteNumber("notes", notes);
        w.WriteNumber("suppressed", suppressed);
        w.WriteNumber("files", s.Files);
        w.WriteNumber("charts", s.Charts);
        w.WriteNumber("documents", s.Documents);
        w.WriteNumber("resources", s.Resources);
        w.WriteNumber("skippedDocuments", s.SkippedDocuments);
        w.WriteEndObject();

        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
            WriteFinding(f, w);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFinding(Finding f, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("severity", ReportFacts.SeverityName(f.Severity));
        w.WriteString("message", f.Message);
        WriteSpan(f.Span, w);

        if (f.Subject is { } r)
        {
            w.WriteStartObject("resource");
            w.WriteString("key", r.Key.ToString());
            w.WriteString("kind", r.Kind);
            if (r.Namespace is null)
                w.WriteNull("namespace");
            else
                w.WriteString("namespace", r.Namespace);
            w.WriteString("name", r.Name);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("resource");
        }

        WriteNullableString(w, "yamlPath", f.YamlPath);
        w.WriteString("fingerprint", f.Fingerprint);

        w.WriteStartArray("related");
        foreach (var rel in f.Related)
        {
            w.WriteStartObject();
            WriteSpan(rel.Span, w);
            w.WriteString("message", rel.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (f.Suppression is { } sup)
        {
            w.WriteStartObject("suppressed");
            w.WriteString("kind", sup.Kind == SuppressionKind.InSource ? "inSource" : "external");
            w.WriteString("justification", sup.Justification);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("suppressed");
        }

        WriteNullableString(w, "scenario", f.Scenario);
        w.WriteEndObject();
    }

    private static void WriteSpan(SourceSpan span, Utf8JsonWriter w)
    {
        w.WriteString("path", span.Path);
        w.WriteNumber("startLine", span.StartLine);
        w.WriteNumber("startColumn", span.StartColumn);
        w.WriteNumber("endLine", span.EndLine);
        w.WriteNumber("endColumn", span.EndColumn);
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
