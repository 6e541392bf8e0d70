using System.Globalization;

namespace ManifestLint.Templates.Values;

/// <summary>
/// A value of a Go named integer type with a <c>String</c> method, such as <c>time.Month</c>, <c>time.Weekday</c>
/// (kind int) and <c>time.Duration</c> (kind int64): an integer for comparisons, <c>%d</c> and JSON
/// (<see cref="Value"/>), but printed by <c>String</c> (<see cref="Text"/>) wherever Go's fmt honours
/// <c>fmt.Stringer</c> (<c>print</c>, <c>%v</c>, <c>%s</c>, <c>toString</c>, <c>quote</c>). <see cref="GoTypeName"/>
/// is what <c>typeOf</c> shows, <see cref="Kind"/> what <c>kindOf</c> shows.
/// </summary>
public sealed record GoNamedInt(string GoTypeName, long Value, string Text, string Kind = "int")
{
    public const string DurationType = "time.Duration";

    /// <summary>
    /// True for the named ints spf13/cast converts (its toInt knows <c>time.Month</c> and <c>time.Weekday</c>);
    /// anything else, a <c>time.Duration</c> included, casts to 0.
    /// </summary>
    public bool CastConverts => GoTypeName is "time.Month" or "time.Weekday";

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
