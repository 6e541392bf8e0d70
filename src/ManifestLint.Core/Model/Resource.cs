using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model;

/// <summary>
/// A Kubernetes object read from the input: identity, labels and annotations, and its node tree (every
/// field with its location).
/// </summary>
public sealed class Resource
{
    public Resource(string apiVersion, string kind, string? @namespace, string name, YamlMapping root, ResourceOrigin origin, bool namespaceDefaulted)
    {
        ApiVersion = apiVersion;
        Kind = kind;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        Group = slash < 0 ? string.Empty : apiVersion[..slash];
        Version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        Namespace = @namespace;
        Name = name;
        Root = root;
        Origin = origin;
        NamespaceDefaulted = namespaceDefaulted;
        Key = new ResourceKey(Group, kind, @namespace, name);
        Metadata = root.GetMapping("metadata");
        Labels = ReadStringMap(Metadata?.GetMapping("labels"));
        Annotations = ReadStringMap(Metadata?.GetMapping("annotations"));
    }

    public ResourceKey Key { get; }

    public string ApiVersion { get; }

    /// <summary>API group; empty for the core group.</summary>
    public string Group { get; }

    public string Version { get; }

    public string Kind { get; }

    /// <summary>Namespace; null for cluster-scoped kinds.</summary>
    public string? Namespace { get; }

    /// <summary>True when the manifest had no namespace and the CLI/render namespace was assumed.</summary>
    public bool NamespaceDefaulted { get; }

    public string Name { get; }

    public YamlMapping Root { get; }

    public YamlMapping? Metadata { get; }

    public ImmutableSortedDictionary<string, string> Labels { get; }

    public ImmutableSortedDictionary<string, string> Annotations { get; }

    public ResourceOrigin Origin { get; }

    /// <summary>The node findings about the resource as a whole point at: <c>metadata.name</c>, else <c>kind</c>, else the root.</summary>
    public YamlNode AnchorNode =>
        (YamlNode?)Metadata?.GetScalar("name") ?? (YamlNode?)Root.GetScalar("kind") ?? Root;

    public override string ToString() => Key.ToString();

    private static ImmutableSortedDictionary<string, string> ReadStringMap(YamlMapping? map)
    {
        if (map is null || map.Count == 0)
            return ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        var b = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var e in map.Entries)
        {
            if (e.Value is YamlScalar s)
                b[e.Key.Text] = s.StringValue;
        }

        return b.ToImmutable();
    }
}
