using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Templates.Provenance;

namespace ManifestLint.Helm;

/// <summary>
/// Maps positions in one rendered document (<see cref="RenderedManifest.Content"/>, as loaded by the YAML loader) to
/// the template that wrote them: template text copied verbatim maps character by character, an action's output maps
/// to the action, and output that came from a value also names the values-file line.
/// </summary>
public sealed class TemplateSourceMap : ISourceMap
{
    private readonly RenderedManifest _manifest;
    private readonly IReadOnlyDictionary<string, string?> _templatePaths;
    private readonly List<int> _lineStarts = [0];

    /// <param name="manifest">The document.</param>
    /// <param name="templatePaths">Helm template names to repository paths (<see cref="ChartRender.TemplatePaths"/>).</param>
    public TemplateSourceMap(RenderedManifest manifest, IReadOnlyDictionary<string, string?> templatePaths)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _manifest = manifest;
        _templatePaths = templatePaths;
        for (var i = 0; i < manifest.Content.Length; i++)
        {
            if (manifest.Content[i] == '\n')
                _lineStarts.Add(i + 1);
        }
    }

    public (SourceSpan Span, ValueProvenance? Value) Map(int startLine, int startColumn, int endLine, int endColumn)
    {
        var start = TemplateOffset(startLine, startColumn);
        var end = Math.Max(start, TemplateOffset(endLine, endColumn));
        var (startPath, sl, sc, startSeg) = Position(start);
        var (endPath, el, ec) = (startPath, sl, sc);
        if (end > start)
        {
            var (p, l, c, endSeg) = Position(end - 1);
            if (p == startPath && (l > sl || (l == sl && c >= sc)))
            {
                // The end is exclusive: one past the last character when it was copied verbatim.
                (endPath, el, ec) = (p, l, endSeg is { Verbatim: true } ? c + 1 : c);
            }
        }

        _ = endPath;
        var span = new SourceSpan(startPath, sl, sc, el, ec);
        var value = ValueAt(start, Math.Max(end, start + 1), startSeg);
        return (span, value);
    }

    private int TemplateOffset(int line, int column)
    {
        var l = Math.Clamp(line, 1, _lineStarts.Count) - 1;
        var lineEnd = l + 1 < _lineStarts.Count ? _lineStarts[l + 1] : _manifest.Content.Length;
        var offset = Math.Clamp(_lineStarts[l] + Math.Max(column, 1) - 1, _lineStarts[l], Math.Max(_lineStarts[l], lineEnd));
        return _manifest.Offset + offset;
    }

    private (string Path, int Line, int Column, OutputSegment? Segment) Position(int offset)
    {
        var template = _manifest.Template;
        var fallback = template.RepositoryPath ?? _manifest.Name;
        if (SegmentAt(offset) is not { } seg)
            return (fallback, 1, 1, null);
        if (seg.Line == 0)
            return Anonymous(seg, fallback);
        var path = _templatePaths.TryGetValue(seg.Template, out var p) && p is not null ? p : fallback;
        if (!seg.Verbatim)
            return (path, seg.Line, seg.Column, seg);
        var (line, column) = Advance(seg, offset);
        return (path, line, column, seg);
    }

    // The template position of an output offset inside (or just past) a verbatim segment.
    private (int Line, int Column) Advance(OutputSegment seg, int offset)
    {
        var text = _manifest.Template.Text;
        int line = seg.Line, column = seg.Column;
        var stop = Math.Min(offset, text.Length);
        for (var i = seg.Start; i < stop; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    // Text a function produced (toYaml's lines) may carry a value origin but no template position: it belongs to the
    // action that called the function, which is the closest positioned output before it.
    private (string Path, int Line, int Column, OutputSegment? Segment) Anonymous(OutputSegment seg, string fallback)
    {
        var segments = _manifest.Template.Segments;
        for (var i = segments.IndexOf(seg) - 1; i >= 0; i--)
        {
            var prior = segments[i];
            if (prior.Line == 0)
                continue;
            var path = _templatePaths.TryGetValue(prior.Template, out var p) && p is not null ? p : fallback;
            if (!prior.Verbatim)
                return (path, prior.Line, prior.Column, seg);
            var (line, column) = Advance(prior, prior.Start + prior.Length);
            return (path, line, column, seg);
        }

        return (fallback, 1, 1, seg);
    }

    private OutputSegment? SegmentAt(int offset)
    {
        var segments = _manifest.Template.Segments;
        int lo = 0, hi = segments.Length - 1;
        OutputSegment? before = null;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var s = segments[mid];
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.Start + s.Length)
            {
                before = s;
                lo = mid + 1;
            }
            else
            {
                return s;
            }
        }

        return before;
    }

    private ValueProvenance? ValueAt(int start, int end, OutputSegment? first)
    {
        if (first?.Value is { } direct)
            return Provenance(direct);
        foreach (var s in _manifest.Template.Segments)
        {
            if (s.Start >= end)
                break;
            if (s.Start + s.Length > start && s.Value is { } v)
                return Provenance(v);
        }

        return null;
    }

    private static ValueProvenance Provenance(Templates.Values.ValueOrigin origin) =>
        new(SourceSpan.At(origin.Source, origin.Line, origin.Column), origin.Path);
}
