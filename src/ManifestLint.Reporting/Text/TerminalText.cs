using System.Text;

namespace ManifestLint.Reporting.Text;

/// <summary>
/// Makes untrusted text (manifest lines, messages quoting manifest values) safe to print on a terminal:
/// control characters would otherwise let a manifest move the cursor or recolour the reviewer's screen.
/// </summary>
internal static class TerminalText
{
    public const int TabWidth = 4;

    /// <summary>Replaces control characters (other than tab, which <see cref="ExpandTabs"/> handles) with U+FFFD.</summary>
    public static string Sanitize(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
            return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(IsControl(c) ? '\uFFFD' : c);
        return sb.ToString();
    }

    /// <summary>A line as displayed: tabs become <see cref="TabWidth"/> spaces and control characters are replaced.</summary>
    public static string DisplayLine(string line) => Sanitize(line.Replace("\t", new string(' ', TabWidth), StringComparison.Ordinal));

    /// <summary>The display width of the first <paramref name="length"/> characters of <paramref name="line"/> (beyond the end, one per column).</summary>
    public static int DisplayWidth(string line, int length)
    {
        var width = 0;
        for (var i = 0; i < length; i++)
            width += i < line.Length && line[i] == '\t' ? TabWidth : 1;
        return width;
    }

    private static bool IsControl(char c) => c != '\t' && (c < ' ' || c == '\u007f' || c is >= '\u0080' and <= '\u009f');
}
