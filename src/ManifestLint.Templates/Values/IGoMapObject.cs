namespace ManifestLint.Templates.Values;

/// <summary>
/// A named Go map type with methods, such as Helm's <c>engine.files</c> (<c>map[string][]byte</c> with Get, Glob, AsConfig…):
/// fields and methods resolve through <see cref="IGoObject"/>, while truth, <c>len</c>, <c>range</c>, <c>index</c>,
/// <c>empty</c> and <c>kindOf</c> see the map itself, as text/template and Sprig do through reflection.
/// </summary>
public interface IGoMapObject : IGoObject
{
    /// <summary>The map's entries (a new or cached map; callers do not change it).</summary>
    GoMap Entries { get; }
}
