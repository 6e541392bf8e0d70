namespace ManifestLint.Templates.Provenance;

/// <summary>
/// A span of rendered output and what produced it.
/// </summary>
/// <param name="Start">Offset of the span in the output (UTF-16 code units).</param>
/// <param name="Length">Length of the span.</param>
/// <param name="Template">Name of the template file that produced it.</param>
/// <param name="Line">1-based line in that template of the start of the span (text) or of the action.</param>
/// <param name="Column">1-based column, likewise.</param>
/// <param name="Verbatim">True when the span is template text copied as is: position k of the span is the
/// template position (Line, Column) advanced over the first k characters. False for the output of an action.</param>
/// <param name="Value">When the output came from a value with a known origin (a values-file line), that origin.</param>
public readonly record struct OutputSegment(int Start, int Length, string Template, int Line, int Column, bool Verbatim, Values.ValueOrigin? Value)
{
    public OutputSegment Shift(int delta) => this with { Start = Start + delta };

    /// <summary>
    /// This span and <paramref name="next"/> as one span, when <paramref name="next"/> starts where this one ends and
    /// says the same of where it came from. Verbatim spans are never joined: their positions advance with the text.
    /// </summary>
    public bool TryJoin(in OutputSegment next, out OutputSegment joined)
    {
        joined = this with { Length = Length + next.Length };
        return !Verbatim && Start + Length == next.Start && this with { Start = next.Start, Length = next.Length } == next;
    }
}
