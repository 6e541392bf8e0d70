using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>
/// Maps each line of a built document to the line that set it: the base resource, the patch, the generator entry or
/// the kustomization field. A line a patch or transformer changed also names the base line it overrode, as the
/// related location (the same channel a Helm value's line uses).
/// </summary>
public sealed class KustomizeSourceMap : ISourceMap
{
    private readonly NodeOrigin?[] _lines;
    private readonly NodeOrigin _fallback;

    public KustomizeSourceMap(NodeOrigin?[] lines, NodeOrigin fallback)
    {
        _lines = lines;
        _fallback = fallback;
    }

    /// <summary>The origin of a 1-based output line.</summary>
    public NodeOrigin OriginOfLine(int line) => line >= 1 && line <= _lines.Length ? _lines[line - 1] ?? _fallback : _fallback;

    public (SourceSpan Span, ValueProvenance? Value) Map(int startLine, int startColumn, int endLine, int endColumn)
    {
        var origin = OriginOfLine(startLine);
        var value = origin.Base is { } b ? new ValueProvenance(b, string.Empty) { Description = origin.BaseLabel ?? "base value set here" } : null;
        return (origin.Span, value);
    }
}
