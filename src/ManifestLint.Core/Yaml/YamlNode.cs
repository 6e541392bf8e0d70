using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// A node of the position-aware YAML tree. Immutable. <see cref="Span"/> is where a finding on this node
/// points (for rendered Helm output: the template position that produced it); <see cref="ValueSpan"/> is
/// set when the text came from a Helm value (the values-file position).
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(SourceSpan span, string path, string? tag, ValueProvenance? value)
    {
        Span = span;
        Path = path;
        Tag = tag;
        Value = value;
    }

    public SourceSpan Span { get; }

    /// <summary>The node's path in its document, e.g. <c>spec.template.spec.containers[0].image</c>. Stable across line moves.</summary>
    public string Path { get; }

    /// <summary>An explicit tag such as <c>!!str</c>, or null.</summary>
    public string? Tag { get; }

    /// <summary>For text rendered from a Helm value, where that value was defined.</summary>
    public ValueProvenance? Value { get; }

    public SourceSpan? ValueSpan => Value?.Span;
}
