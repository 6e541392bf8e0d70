namespace ManifestLint.Templates.Encoding;

/// <summary>
/// Implemented by an <see cref="Values.IGoObject"/> that Go's <c>encoding/json</c> would marshal in its own way
/// (a <c>MarshalJSON</c> method or JSON field tags): <c>*chart.Metadata</c> gives a map of its non-empty fields
/// under their JSON names, <c>*semver.Version</c> and <c>time.Time</c> give a string.
/// </summary>
public interface IGoJsonValue
{
    /// <summary>The value to marshal in place of this object, in the representation of <c>VALUES.md</c>.
    /// A <see cref="Values.GoMap"/> result keeps its entry order when <see cref="PreserveOrder"/> is true (struct fields).</summary>
    object? ToJsonValue();

    /// <summary>True when the result is a struct's fields, which Go writes in declaration order rather than sorted.</summary>
    bool PreserveOrder => false;
}
