namespace ManifestLint.Core.Text;

/// <summary>
/// The text of one input file (or one rendered template), named by its path relative to the
/// repository root with forward slashes. Keeps line starts for code frames.
/// </summary>
public sealed class SourceFile
{
    private int[]? _lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    public string Path { get; }

    /// <summary>The text without a leading byte-order mark.</summary>
    public string Text { get; }

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>The text of a 1-based line without its line break (CR LF or LF), or "" when out of range.</summary>
    public string GetLine(int line)
    {
        var starts = LineStarts;
        if (line < 1 || line > starts.Length)
            return string.Empty;
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
            end--;
        return Text[start..end];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                starts.Add(i + 1);
        }

        return [.. starts];
    }
}
