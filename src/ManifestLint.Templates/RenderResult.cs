using System.Collections.Immutable;
using ManifestLint.Templates.Provenance;

namespace ManifestLint.Templates;

/// <summary>The output of an execution and, span by span, what produced it (segments are sorted and do not overlap).</summary>
public sealed record RenderResult(string Text, ImmutableArray<OutputSegment> Segments)
{
    private const string NoValue = "<no value>";

    /// <summary>
    /// Helm's clean-up: every <c>&lt;no value&gt;</c> deleted from the text, with the segments cut and shifted to match.
    /// </summary>
    public RenderResult WithoutNoValue()
    {
        var first = Text.IndexOf(NoValue, StringComparison.Ordinal);
        if (first < 0)
            return this;
        var removed = new List<int>();
        for (var i = first; i >= 0; i = Text.IndexOf(NoValue, i + NoValue.Length, StringComparison.Ordinal))
            removed.Add(i);
        var text = Text.Replace(NoValue, string.Empty, StringComparison.Ordinal);
        var builder = ImmutableArray.CreateBuilder<OutputSegment>(Segments.Length);
        foreach (var seg in Segments)
        {
            var start = seg.Start;
            var end = seg.Start + seg.Length;
            var newStart = Map(removed, start, true);
            var newEnd = Map(removed, end, false);
            if (newEnd > newStart)
                builder.Add(seg with { Start = newStart, Length = newEnd - newStart });
        }

        return new RenderResult(text, builder.ToImmutable());
    }

    // Maps an offset of the old text to the new one: removed ranges collapse onto their start.
    private static int Map(List<int> removed, int offset, bool isStart)
    {
        var shift = 0;
        foreach (var r in removed)
        {
            if (r + NoValue.Length <= offset)
                shift += NoValue.Length;
            else if (r < offset)
                return isStart ? r - shift : r - shift;
            else
                break;
        }

        return offset - shift;
    }
}
