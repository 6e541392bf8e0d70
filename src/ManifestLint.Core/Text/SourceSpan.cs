using System.Globalization;

namespace ManifestLint.Core.Text;

/// <summary>
/// A region of a source file: 1-based lines and columns; the end is exclusive (the column after the
/// last character), as SARIF regions are.
/// </summary>
public sealed record SourceSpan(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn) : IComparable<SourceSpan>
{
    /// <summary>A span covering one position.</summary>
    public static SourceSpan At(string path, int line, int column) => new(path, line, column, line, column);

    public int CompareTo(SourceSpan? other)
    {
        if (other is null)
            return 1;
        var c = string.CompareOrdinal(Path, other.Path);
        if (c != 0) return c;
        c = StartLine.CompareTo(other.StartLine);
        if (c != 0) return c;
        c = StartColumn.CompareTo(other.StartColumn);
        if (c != 0) return c;
        c = EndLine.CompareTo(other.EndLine);
        return c != 0 ? c : EndColumn.CompareTo(other.EndColumn);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}:{StartLine}:{StartColumn}");
}
