using System.Collections.Immutable;
using System.Text;
using ManifestLint.Templates.Provenance;

namespace ManifestLint.Templates.Functions.Helm;

/// <summary>Edits of a <see cref="TrackedString"/> that keep every remaining character's segment.</summary>
internal static class TrackedText
{
    /// <summary>Deletes every occurrence of <paramref name="needle"/>, cutting and shifting segments to match.</summary>
    public static TrackedString RemoveAll(TrackedString source, string needle)
    {
        var text = source.Text;
        if (needle.Length == 0 || !text.Contains(needle, StringComparison.Ordinal))
            return source;
        // Kept ranges of the original text, in order.
        var kept = new List<(int Start, int End)>();
        var pos = 0;
        while (true)
        {
            var hit = text.IndexOf(needle, pos, StringComparison.Ordinal);
            if (hit < 0)
            {
                kept.Add((pos, text.Length));
                break;
            }

            kept.Add((pos, hit));
            pos = hit + needle.Length;
        }

        var sb = new StringBuilder(text.Length);
        var segments = ImmutableArray.CreateBuilder<OutputSegment>();
        var segs = source.Segments;
        var first = 0;
        foreach (var (start, end) in kept)
        {
            var newStart = sb.Length;
            sb.Append(text, start, end - start);
            // Segments are sorted and disjoint: skip those wholly before this range, stop at the first one after it.
            while (first < segs.Length && segs[first].Start + segs[first].Length <= start)
                first++;
            for (var k = first; k < segs.Length && segs[k].Start < end; k++)
            {
                var seg = segs[k];
                var s = Math.Max(seg.Start, start);
                var e = Math.Min(seg.Start + seg.Length, end);
                if (e <= s)
                    continue;
                var cut = s - seg.Start;
                var moved = seg with { Start = newStart + (s - start), Length = e - s };
                if (cut > 0 && seg.Verbatim)
                    moved = moved with { Line = seg.Line, Column = seg.Column + cut };
                segments.Add(moved);
            }
        }

        return new TrackedString(sb.ToString(), MergeAdjacent(segments.ToImmutable()));
    }

    private static ImmutableArray<OutputSegment> MergeAdjacent(ImmutableArray<OutputSegment> segments)
    {
        var builder = ImmutableArray.CreateBuilder<OutputSegment>(segments.Length);
        foreach (var seg in segments.OrderBy(s => s.Start))
        {
            if (builder.Count > 0)
            {
                var last = builder[^1];
                if (last.Start + last.Length == seg.Start && last with { Length = seg.Length, Start = seg.Start } == seg && !seg.Verbatim)
                {
                    builder[^1] = last with { Length = last.Length + seg.Length };
                    continue;
                }
            }

            builder.Add(seg);
        }

        return builder.ToImmutable();
    }
}
