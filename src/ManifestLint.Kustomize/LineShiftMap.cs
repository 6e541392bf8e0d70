using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>Positions in YAML text embedded in a block scalar (an inline patch) mapped to the kustomization lines holding it.</summary>
internal sealed class LineShiftMap(string path, int firstLine, int indent) : ISourceMap
{
    public (SourceSpan Span, ValueProvenance? Value) Map(int startLine, int startColumn, int endLine, int endColumn) =>
        (new SourceSpan(path, startLine + firstLine - 1, startColumn + indent, endLine + firstLine - 1, endColumn + indent), null);
}
