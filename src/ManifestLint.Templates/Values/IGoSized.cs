namespace ManifestLint.Templates.Values;

/// <summary>An object that is a Go map or slice underneath (Helm's <c>engine.files</c>): empty means false in <c>if</c>, <c>and</c>, <c>or</c>.</summary>
public interface IGoSized
{
    /// <summary>Its number of entries.</summary>
    int Count { get; }
}
