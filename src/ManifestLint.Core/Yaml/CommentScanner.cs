namespace ManifestLint.Core.Yaml;

/// <summary>
/// Finds the comments of a YAML text by a lexical scan. The loader parses with YamlDotNet's comment
/// tokens switched off, because its parser rejects valid documents when a comment line is less indented
/// than the block around it (a common layout between sequence items); comments are read here instead.
/// A <c>#</c> starts a comment at the start of a line or after whitespace, outside quotes and outside
/// block scalars.
/// </summary>
internal static class CommentScanner
{
    public static List<YamlComment> Scan(ReadOnlySpan<char> text, int lineOffset)
    {
        var comments = new List<YamlComment>();
        var lineNumber = 0;
        var blockIndent = -1; // indentation of the line that opened a block scalar, or -1
        var start = 0;
        while (start <= text.Length)
        {
            var end = text[start..].IndexOf('\n');
            end = end < 0 ? -1 : start + end;
            if (end < 0)
                end = text.Length;
            var line = text[start..end].TrimEnd('\r');
            lineNumber++;
            var indent = line.Length - line.TrimStart(' ').Length;
            var blank = line.Trim().IsEmpty;
            if (blockIndent >= 0 && (blank || indent > blockIndent))
            {
                // Inside a block scalar: '#' is content.
            }
            else
            {
                blockIndent = -1;
                var hash = FindComment(line);
                if (hash >= 0)
                    comments.Add(new YamlComment(lineNumber + lineOffset, hash + 1, line[(hash + 1)..].ToString()));
                var content = (hash >= 0 ? line[..hash] : line).TrimEnd();
                if (OpensBlockScalar(content))
                    blockIndent = indent;
            }

            if (end == text.Length)
                break;
            start = end + 1;
        }

        return comments;
    }

    private static int FindComment(ReadOnlySpan<char> line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '"')
            {
                if (c == '\\')
                    i++;
                else if (c == '"')
                    quote = '\0';
            }
            else if (quote == '\'')
            {
                if (c == '\'')
                    quote = '\0';
            }
            else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t'))
            {
                return i;
            }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '\t' or ':' or '[' or '{' or ',' or '-'))
            {
                quote = c;
            }
        }

        return -1;
    }

    /// <summary>True when the line ends with a block scalar header such as <c>key: |</c>, <c>- &gt;-</c> or <c>|2+</c>.</summary>
    private static bool OpensBlockScalar(ReadOnlySpan<char> content)
    {
        var i = content.Length - 1;
        while (i >= 0 && (char.IsAsciiDigit(content[i]) || content[i] is '+' or '-'))
            i--;
        if (i < 0 || content[i] is not ('|' or '>'))
            return false;
        return i == 0 || content[i - 1] is ' ' or '\t';
    }
}
