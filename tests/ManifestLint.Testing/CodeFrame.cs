using System.Globalization;
using System.Text;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Testing;

/// <summary>Renders a position as a code frame (header, the source line, a caret under the span) for failure messages and snapshots.</summary>
public static class CodeFrame
{
    /// <summary><c>path:line:col: severity id: message</c>, then the line, a caret line, and one <c>= related:</c> line per related location.</summary>
    public static string Render(SourceFile file, Finding finding)
    {
        var frame = Render(file, finding.Span, string.Create(CultureInfo.InvariantCulture, $"{finding.Severity.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message}"));
        if (finding.Related.IsDefaultOrEmpty)
            return frame;
        var sb = new StringBuilder(frame);
        foreach (var related in finding.Related)
            sb.Append(CultureInfo.InvariantCulture, $"  = related: {related.Span}: {related.Message}\n");
        return sb.ToString();
    }

    public static string Render(SourceFile file, SourceSpan span, string header)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{span.Path}:{span.StartLine}:{span.StartColumn}: {header}\n");
        var line = file.GetLine(span.StartLine);
        var gutter = span.StartLine.ToString(CultureInfo.InvariantCulture);
        sb.Append(CultureInfo.InvariantCulture, $"  {gutter} | {line}\n");
        var start = Math.Clamp(span.StartColumn - 1, 0, line.Length);
        var end = span.EndLine == span.StartLine ? Math.Clamp(span.EndColumn - 1, start + 1, Math.Max(line.Length, start + 1)) : Math.Max(line.Length, start + 1);
        sb.Append(' ', gutter.Length + 2).Append(" | ");
        for (var i = 0; i < start; i++)
            sb.Append(line[i] == '\t' ? '\t' : ' ');
        sb.Append('^', end - start).Append('\n');
        return sb.ToString();
    }
}
