using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// A node of the position-aware YAML tree. Immutable. <see cref="Span"/> is where a finding on this node
/// points (for rendered Helm output: the template position that produced it); <see cref="ValueSpan"/> is
/// set when the text came from a Helm value (the values-file position).
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(SourceSpan span, string? tag, ValueProvenance? value)
    {
        Span = span;
        Tag = tag;
        Value = value;
    }

    public SourceSpan Span { get; }

    /// <summary>
    /// The node's path in its document, e.g. <c>spec.template.spec.containers[0].image</c>. Stable across line
    /// moves. Computed on demand from the parent chain (paths are needed only for findings), which keeps the
    /// tree small: a stored string per node would be the largest part of it.
    /// </summary>
    public string Path
    {
        get
        {
            var segments = new List<object>();
            for (var n = this; n?.Segment is not null; n = n.Parent)
                segments.Add(n.Segment);
            var sb = new System.Text.StringBuilder();
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                if (segments[i] is int index)
                    sb.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                else
                    YamlLoader.AppendKey(sb, (string)segments[i]);
            }

            return sb.ToString();
        }
    }

    /// <summary>The mapping or sequence holding this node (the first one, for a node shared through an alias).</summary>
    public YamlNode? Parent { get; private set; }

    /// <summary>The key (string) or index (int) under which <see cref="Parent"/> holds this node.</summary>
    internal object? Segment { get; private set; }

    internal void Attach(YamlNode parent, object segment)
    {
        if (Parent is not null || ReferenceEquals(parent, this))
            return;
        Parent = parent;
        Segment = segment;
    }

    /// <summary>An explicit tag such as <c>!!str</c>, or null.</summary>
    public string? Tag { get; }

    /// <summary>For text rendered from a Helm value, where that value was defined.</summary>
    public ValueProvenance? Value { get; }

    public SourceSpan? ValueSpan => Value?.Span;
}
