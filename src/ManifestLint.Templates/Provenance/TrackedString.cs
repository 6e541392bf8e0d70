using System.Collections.Immutable;

namespace ManifestLint.Templates.Provenance;

/// <summary>
/// A string value that still knows, span by span, which template text or value produced it.
/// Go sees it as a plain <c>string</c>: every function that takes a string accepts it (through
/// <see cref="ToString"/>), and <c>typeOf</c> says <c>string</c>.
/// Segment offsets are relative to <see cref="Text"/>; segments are sorted and do not overlap;
/// gaps are allowed (text of unknown origin).
/// </summary>
public sealed class TrackedString
{
    public TrackedString(string text, ImmutableArray<OutputSegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public ImmutableArray<OutputSegment> Segments { get; }

    public override string ToString() => Text;
}
