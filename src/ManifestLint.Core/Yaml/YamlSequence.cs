using System.Collections.Immutable;
using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceSpan span, ImmutableArray<YamlNode> items, string? tag = null, ValueProvenance? provenance = null)
        : base(span, tag, provenance)
    {
        Items = items;
        for (var i = 0; i < items.Length; i++)
            items[i].Attach(this, i);
    }

    internal YamlSequence(NodePosition position, ImmutableArray<YamlNode> items, string? tag)
        : base(position, tag)
    {
        Items = items;
        for (var i = 0; i < items.Length; i++)
            items[i].Attach(this, i);
    }

    public ImmutableArray<YamlNode> Items { get; }

    public int Count => Items.Length;

    /// <summary>The items that are mappings (list entries of objects such as containers).</summary>
    public IEnumerable<YamlMapping> Mappings()
    {
        foreach (var item in Items)
        {
            if (item is YamlMapping m)
                yield return m;
        }
    }

    /// <summary>The items that are scalars.</summary>
    public IEnumerable<YamlScalar> Scalars()
    {
        foreach (var item in Items)
        {
            if (item is YamlScalar s)
                yield return s;
        }
    }
}
