using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace ManifestLint.Schemas;

/// <summary>The API of one Kubernetes minor: its kinds (with REST resource names and scope) and their schemas.</summary>
public sealed class ApiVersionSchema
{
    private readonly KubernetesApi _api;
    private readonly Dictionary<string, int> _definitions;
    private readonly ConcurrentDictionary<string, SchemaNode?> _decoded = new(StringComparer.Ordinal);
    private readonly Func<string, SchemaNode?> _definition;
    private FrozenDictionary<(string Group, string Version, string Kind), KindInfo> _kinds = FrozenDictionary<(string, string, string), KindInfo>.Empty;

    internal ApiVersionSchema(int minor, KubernetesApi api, Dictionary<string, int> definitions)
    {
        Minor = minor;
        _api = api;
        _definitions = definitions;
        _definition = DecodeDefinition;
    }

    public int Minor { get; }

    /// <summary><c>1.30</c>.</summary>
    public string Name => "1." + Minor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every top-level kind of this minor, sorted by group, version, kind.</summary>
    public ImmutableArray<KindInfo> Kinds { get; private set; } = [];

    /// <summary>
    /// What a cluster of this minor reports as <c>.Capabilities.APIVersions</c>: each served <c>group/version</c> and each
    /// <c>group/version/Kind</c> (core: <c>v1</c>, <c>v1/Pod</c>), sorted.
    /// </summary>
    public ImmutableArray<string> ApiVersions { get; private set; } = [];

    /// <summary>The kind named by <paramref name="apiVersion"/> and <paramref name="kind"/>, or null when this minor does not serve it.</summary>
    public KindInfo? FindKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        return FindKind(group, version, kind);
    }

    public KindInfo? FindKind(string group, string version, string kind) =>
        _kinds.TryGetValue((group, version, kind), out var info) ? info : null;

    /// <summary>Kinds of <paramref name="group"/> named <paramref name="kind"/> in any version of this minor.</summary>
    public IEnumerable<KindInfo> FindKindInGroup(string group, string kind) =>
        Kinds.Where(k => k.Group == group && k.Kind == kind);

    /// <summary>The definition named <paramref name="name"/> (e.g. <c>io.k8s.api.core.v1.Container</c>), decoded once.</summary>
    public SchemaNode? Definition(string name) => _decoded.GetOrAdd(name, _definition);

    internal void SetKinds(List<KindInfo> kinds)
    {
        Kinds = [.. kinds];
        _kinds = kinds.ToFrozenDictionary(k => (k.Group, k.Version, k.Kind));
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var k in kinds)
        {
            versions.Add(k.ApiVersion);
            versions.Add(k.ApiVersion + "/" + k.Kind);
        }

        ApiVersions = [.. versions];
    }

    private SchemaNode? DecodeDefinition(string name) =>
        _definitions.TryGetValue(name, out var id) ? _api.DecodeDefinition(id, Definition) : null;
}
