namespace ManifestLint.Core.Model;

/// <summary>
/// The identity of a Kubernetes object: API group (empty for core), kind, namespace (null when
/// cluster-scoped) and name. Printed as <c>namespace/Kind/name</c> (or <c>Kind/name</c>).
/// </summary>
public sealed record ResourceKey(string Group, string Kind, string? Namespace, string Name) : IComparable<ResourceKey>
{
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Namespace}/{Kind}/{Name}";

    public int CompareTo(ResourceKey? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Namespace, other.Namespace);
        if (c != 0) return c;
        c = string.CompareOrdinal(Kind, other.Kind);
        if (c != 0) return c;
        c = string.CompareOrdinal(Name, other.Name);
        return c != 0 ? c : string.CompareOrdinal(Group, other.Group);
    }
}
