using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission;

/// <summary>
/// The file position of an offset inside an expression held by a YAML scalar: the scalar's column plus the
/// offset for flow scalars, the content line and indentation for block scalars (<c>|</c>, <c>&gt;</c>). Without
/// the source text (or for rendered output) the scalar's own span is used.
/// </summary>
internal static class ExpressionSpan
{
    /// <summary>The expression's first line, from its first character to the last one on that line.</summary>
    public static SourceSpan Whole(YamlScalar node, Func<string, string?> sourceText)
    {
        var start = Of(node, 0, sourceText);
        var text = node.Text.TrimEnd();
        var firstLine = text.IndexOf('\n', StringComparison.Ordinal) is var nl and >= 0 ? nl : text.Length;
        var end = Of(node, Math.Max(firstLine - 1, 0), sourceText);
        return end.StartLine == start.StartLine && end.StartColumn >= start.StartColumn
            ? start with { EndColumn = end.StartColumn + 1 }
            : start;
    }

    public static SourceSpan Of(YamlScalar node, int offset, Func<string, string?> sourceText)
    {
        var span = node.Span;
        var text = node.Value is null ? sourceText(span.Path) : null;
        if (text is null)
            return span;
        var lines = text.Split('\n');
        if (span.StartLine > lines.Length)
            return span;
        var first = lines[span.StartLine - 1];
        var at = Math.Min(span.StartColumn - 1, first.Length);
        var indicator = at < first.Length ? first[at] : ' ';
        var before = node.Text[..Math.Min(offset, node.Text.Length)];
        if (indicator is '|' or '>')
        {
            var lineIndex = span.StartLine;
            var skipped = 0;
            while (lineIndex < lines.Length && lines[lineIndex].Trim().Length == 0)
            {
                lineIndex++;
                skipped++;
            }

            if (lineIndex >= lines.Length)
                return span;
            var indent = lines[lineIndex].Length - lines[lineIndex].TrimStart(' ').Length;
            var newlines = before.Count(c => c == '\n');
            var column = before.Length - (before.LastIndexOf('\n') + 1);
            var line = span.StartLine + 1 + (indicator == '|' ? newlines : 0) + skipped;
            if (indicator == '|')
                return SourceSpan.At(span.Path, line, indent + 1 + column);

            // Folded: the first source line is the start of the text; later lines were joined with spaces.
            var firstLength = lines[lineIndex].TrimEnd('\r').Length - indent;
            return SourceSpan.At(span.Path, line, before.Length <= firstLength ? indent + 1 + before.Length : indent + 1);
        }

        if (before.Contains('\n', StringComparison.Ordinal) || span.StartLine != span.EndLine)
            return SourceSpan.At(span.Path, span.StartLine, span.StartColumn);
        var quoted = indicator is '"' or '\'';
        return SourceSpan.At(span.Path, span.StartLine, span.StartColumn + (quoted ? 1 : 0) + before.Length);
    }
}
