using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// Maps positions in a rendered text (Helm output) back to what produced them. The loader applies it to
/// every node, so rules and reporters only ever see template and values positions.
/// Plain files have no map: their positions are their own.
/// </summary>
public interface ISourceMap
{
    /// <summary>Maps a rendered region (1-based, end exclusive) to its template span and, if any, its value origin.</summary>
    (SourceSpan Span, ValueProvenance? Value) Map(int startLine, int startColumn, int endLine, int endColumn);
}
