namespace ManifestLint.Templates.Values;

/// <summary>
/// A Go <c>int64</c>. Go's <c>int</c> is represented by <see cref="long"/>; the two print alike but
/// <c>typeOf</c>, <c>printf "%T"</c> and <c>kindIs</c> tell them apart, and Sprig's arithmetic returns int64.
/// </summary>
public readonly record struct GoInt64(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
