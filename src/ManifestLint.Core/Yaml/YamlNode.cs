using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// A node of the position-aware YAML tree. Immutable. <see cref="Span"/> is where a finding on this node
/// points (for rendered Helm output: the template position that produced it); <see cref="ValueSpan"/> is
/// set when the text came from a Helm value (the values-file position).
/// </summary>
public abstract class YamlNode
{
    // A node of a plain file keeps its position as numbers; the span object is made when first asked for (by a
    // finding, mostly), which spares one object per node of the tree. Its file's path is not stored in every node:
    // until a node is attached to a parent, _key holds the path, so the path is read from the tree's root.
    private readonly int _startLine;
    private readonly int _startColumn;
    private readonly int _endLine;
    private readonly int _endColumn;

    // What most nodes lack (a tag, a Helm value's provenance, a span made from a source map or already asked for)
    // lives in one object that most nodes never allocate: three fields less on each of the tree's nodes.
    private Extras? _extras;

    protected YamlNode(SourceSpan span, string? tag, ValueProvenance? value)
    {
        _extras = new Extras(span, tag, value);
    }

    private protected YamlNode(NodePosition position, string? tag)
    {
        (_key, _startLine, _startColumn, _endLine, _endColumn) = position;
        if (tag is not null)
            _extras = new Extras(null, tag, null);
    }

    // Two threads may each make the span the first time; they are equal records, and either is kept.
    public SourceSpan Span
    {
        get
        {
            var extras = _extras;
            if (extras?.Span is { } span)
                return span;
            var root = this;
            while (root.Parent is { } parent)
                root = parent;
            span = new SourceSpan(root._key!, _startLine, _startColumn, _endLine, _endColumn);
            _extras = new Extras(span, extras?.Tag, extras?.Value);
            return span;
        }
    }

    /// <summary>
    /// The node's path in its document, e.g. <c>spec.template.spec.containers[0].image</c>. Stable across line
    /// moves. Computed on demand from the parent chain (paths are needed only for findings), which keeps the
    /// tree small: a stored string per node would be the largest part of it.
    /// </summary>
    public string Path
    {
        get
        {
            var chain = new List<YamlNode>();
            for (var n = this; n.Parent is not null; n = n.Parent)
                chain.Add(n);
            var sb = new System.Text.StringBuilder();
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                if (chain[i]._key is { } key)
                    YamlLoader.AppendKey(sb, key);
                else
                    sb.Append('[').Append(chain[i]._index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }

            return sb.ToString();
        }
    }

    /// <summary>The mapping or sequence holding this node (the first one, for a node shared through an alias).</summary>
    public YamlNode? Parent { get; private set; }

    // Where the parent holds this node: its key, or (for a sequence item, _key null) its index, kept unboxed. Before
    // the node is attached (and for ever, for a root), its file's path.
    private string? _key;
    private int _index;

    internal void Attach(YamlNode parent, string key)
    {
        if (Parent is not null || ReferenceEquals(parent, this))
            return;
        Parent = parent;
        _key = key;
    }

    internal void Attach(YamlNode parent, int index)
    {
        if (Parent is not null || ReferenceEquals(parent, this))
            return;
        Parent = parent;
        _key = null;
        _index = index;
    }

    /// <summary>An explicit tag such as <c>!!str</c>, or null.</summary>
    public string? Tag => _extras?.Tag;

    /// <summary>For text rendered from a Helm value, where that value was defined.</summary>
    public ValueProvenance? Value => _extras?.Value;

    public SourceSpan? ValueSpan => Value?.Span;

    private sealed record Extras(SourceSpan? Span, string? Tag, ValueProvenance? Value);
}
