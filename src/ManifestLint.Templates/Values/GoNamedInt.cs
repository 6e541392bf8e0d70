using System.Globalization;

namespace ManifestLint.Templates.Values;

/// <summary>
/// A value of a Go named integer type with a <c>String</c> method, such as <c>time.Month</c> and <c>time.Weekday</c>:
/// of kind int for comparisons, arithmetic and casts, <c>%d</c>, JSON and TOML (<see cref="Value"/>), but printed by
/// <c>String</c> (<see cref="Text"/>) wherever Go's fmt honours <c>fmt.Stringer</c> (<c>print</c>, <c>%v</c>, <c>%s</c>,
/// <c>toString</c>, <c>quote</c>). <see cref="GoTypeName"/> is what <c>typeOf</c> shows.
/// </summary>
public sealed record GoNamedInt(string GoTypeName, long Value, string Text)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
