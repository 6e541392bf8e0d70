using System.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// A load result as text: every document with its start line and comments, every node with its type, path, span, tag,
/// text, kind and style, and every problem. Two readers agree on a text exactly when these agree; the tests and the
/// yaml-block fuzz target compare the block reader with YamlDotNet through it.
/// </summary>
internal static class YamlLoadResultText
{
    public static string Describe(YamlLoadResult result)
    {
        var sb = new StringBuilder();
        foreach (var doc in result.Documents)
        {
            sb.Append("doc ").Append(doc.Index).Append(" line ").Append(doc.StartLine).Append('\n');
            foreach (var c in doc.Comments)
                sb.Append("  # ").Append(c.Line).Append(':').Append(c.Column).Append(' ').Append(c.Text).Append('\n');
            if (doc.Root is { } root)
                Walk(root, sb);
        }

        foreach (var p in result.Problems)
            sb.Append("problem ").Append(p.RuleId).Append(' ').Append(p.Span).Append(' ').Append(p.Message).Append('\n');
        return sb.ToString();
    }

    private static void Walk(YamlNode node, StringBuilder sb)
    {
        sb.Append("  ").Append(node.GetType().Name).Append(' ').Append(node.Path).Append(' ')
            .Append(node.Span.StartLine).Append(':').Append(node.Span.StartColumn).Append('-')
            .Append(node.Span.EndLine).Append(':').Append(node.Span.EndColumn);
        if (node.Tag is { } tag)
            sb.Append(" !").Append(tag);
        switch (node)
        {
            case YamlScalar s:
                sb.Append(" = ").Append(s.Text).Append(' ').Append(s.Kind).Append(s.Quoted ? " quoted" : string.Empty).Append('\n');
                break;
            case YamlSequence q:
                sb.Append('\n');
                foreach (var item in q.Items)
                    Walk(item, sb);
                break;
            case YamlMapping m:
                sb.Append('\n');
                foreach (var e in m.Entries)
                {
                    Walk(e.Key, sb);
                    Walk(e.Value, sb);
                }

                break;
        }
    }
}
