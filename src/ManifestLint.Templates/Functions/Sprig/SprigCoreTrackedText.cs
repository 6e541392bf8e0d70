using System.Collections.Immutable;
using System.Text;
using ManifestLint.Templates.Provenance;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Builds the result of a text-reshaping function (<c>indent</c>, <c>trim</c>, <c>quote</c>, …) so that the
/// provenance segments of a <see cref="TrackedString"/> input follow the characters they describe.
/// Copied characters keep their segment (a verbatim segment is re-anchored at the copied position);
/// rewritten characters (escapes) stay attributed but are no longer verbatim; inserted text has no origin.
/// </summary>
internal sealed class SprigCoreTrackedText
{
    private readonly StringBuilder _text = new();
    private readonly SegmentBuffer _segments = new();
    private bool _tracked;

    // Copies walk forward through a source, so the last re-anchoring point is reused (keeps indenting a
    // long verbatim segment line by line linear instead of quadratic).
    private (ImmutableArray<OutputSegment> Segments, int Index, int Offset, int Line, int Column) _anchor;

    public int Length => _text.Length;

    public void Append(string text) => _text.Append(text);

    public void Append(char c) => _text.Append(c);

    /// <summary>Copies <paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
    public void Copy(TrackedString? source, string text, int start, int length)
    {
        if (length <= 0)
            return;
        var outStart = _text.Length;
        _text.Append(text, start, length);
        if (source is null)
            return;
        _tracked = true;
        var segs = source.Segments.IsDefault ? [] : source.Segments;
        for (var i = FirstOverlap(segs, start); i < segs.Length; i++)
        {
            var seg = segs[i];
            if (seg.Start >= start + length)
                break;
            var a = Math.Max(seg.Start, start);
            var b = Math.Min(seg.Start + seg.Length, start + length);
            if (b <= a)
                continue;
            // An unshifted, uncut segment is reused as is: fewer allocations on large texts.
            var piece = a == seg.Start && b == seg.Start + seg.Length && outStart == start
                ? seg
                : seg with { Start = outStart + (a - start), Length = b - a };
            if (seg.Verbatim && a > seg.Start)
                piece = Anchor(segs, i, piece, text, a);
            AddSegment(piece);
        }
    }

    /// <summary>Appends <paramref name="replacement"/> in place of the character of <paramref name="source"/> at <paramref name="index"/>.</summary>
    public void Replace(TrackedString? source, string text, int index, string replacement)
    {
        var outStart = _text.Length;
        _text.Append(replacement);
        if (source is null || replacement.Length == 0)
            return;
        _tracked = true;
        var segs = source.Segments.IsDefault ? [] : source.Segments;
        var i = FirstOverlap(segs, index);
        if (i >= segs.Length || segs[i].Start > index)
            return;
        var seg = segs[i];
        var piece = seg with { Start = outStart, Length = replacement.Length };
        if (seg.Verbatim)
            piece = Anchor(segs, i, piece, text, index) with { Verbatim = false };
        AddSegment(piece);
    }

    /// <summary>The result: a <see cref="TrackedString"/> when any input carried provenance, else a plain string.</summary>
    public object Build()
    {
        if (!_tracked)
            return _text.ToString();
        var result = new TrackedString(_text.ToString(), _segments.ToImmutable());
        _segments.Dispose();
        return result;
    }

    private void AddSegment(OutputSegment piece)
    {
        if (_segments.Count > 0 && _segments.Last.TryJoin(piece, out var joined))
        {
            _segments.Last = joined;
            return;
        }

        _segments.Add(piece);
    }

    private static int FirstOverlap(ImmutableArray<OutputSegment> segs, int offset)
    {
        int lo = 0, hi = segs.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (segs[mid].Start + segs[mid].Length <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    // A verbatim segment's position k is its template position advanced over its first k characters.
    private OutputSegment Anchor(ImmutableArray<OutputSegment> segs, int index, OutputSegment piece, string text, int to)
    {
        var seg = segs[index];
        var (from, line, col) = (seg.Start, seg.Line, seg.Column);
        if (_anchor.Segments == segs && _anchor.Index == index && _anchor.Offset <= to)
            (from, line, col) = (_anchor.Offset, _anchor.Line, _anchor.Column);
        (line, col) = Advance(line, col, text, from, to);
        _anchor = (segs, index, to, line, col);
        return piece with { Line = line, Column = col };
    }

    private static (int Line, int Column) Advance(int line, int col, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
        }

        return (line, col);
    }
}
