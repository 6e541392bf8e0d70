namespace ManifestLint.Templates.Values;

/// <summary>
/// A Go struct, pointer or named type that templates reach through fields and methods
/// (<c>.Chart.Name</c>, <c>.Capabilities.APIVersions.Has</c>, <c>.Files.Get</c>, <c>(semver "1.2.3").Major</c>).
/// </summary>
public interface IGoObject
{
    /// <summary>The Go type name as <c>printf "%T"</c> shows it, e.g. <c>*chart.Metadata</c>.</summary>
    string GoTypeName { get; }

    /// <summary>Reads an exported field by its Go name. Returns false when the type has no such field.</summary>
    bool TryGetField(string name, out object? value);

    /// <summary>Finds a method by its Go name. Returns false when the type has no such method.</summary>
    bool TryGetMethod(string name, out Functions.TemplateFunction? method);

    /// <summary>How Go's fmt prints the value with <c>%v</c> (e.g. <c>&amp;{demo 1.2.3 ...}</c>).</summary>
    string FormatGo();
}
