using System.Collections.Frozen;
using ManifestLint.Core.Model;
using ManifestLint.Schemas;

namespace ManifestLint.Admission.Matching;

/// <summary>
/// The built-in resources of every embedded Kubernetes minor (REST resource names and scopes from the API data of
/// <c>ManifestLint.Schemas</c>) plus the CRDs of the input.
/// A kind known in some other version of its group resolves through that version's plural.
/// </summary>
public sealed class ApiResourceCatalog : IApiResourceCatalog
{
    private static readonly Lazy<ApiResourceInfo[]> BuiltIn = new(LoadBuiltIn);

    private readonly FrozenDictionary<(string Group, string Version, string Kind), ApiResourceInfo> _exact;
    private readonly FrozenDictionary<(string Group, string Kind), ApiResourceInfo> _byKind;

    public ApiResourceCatalog(IEnumerable<Resource> inputs)
    {
        var all = BuiltIn.Value.Concat(inputs.SelectMany(FromCrd)).ToArray();
        _exact = all.DistinctBy(r => (r.Group, r.Version, r.Kind)).ToFrozenDictionary(r => (r.Group, r.Version, r.Kind));
        _byKind = all.DistinctBy(r => (r.Group, r.Kind)).ToFrozenDictionary(r => (r.Group, r.Kind));
    }

    public ApiResourceInfo? Find(string group, string version, string kind) =>
        _exact.TryGetValue((group, version, kind), out var r) ? r
        : _byKind.TryGetValue((group, kind), out var k) ? k with { Version = version } : null;

    private static IEnumerable<ApiResourceInfo> FromCrd(Resource crd)
    {
        if (crd.Kind != "CustomResourceDefinition" || crd.Root.GetMapping("spec") is not { } spec)
            yield break;
        var group = spec.GetString("group") ?? string.Empty;
        var names = spec.GetMapping("names");
        var kind = names?.GetString("kind");
        var plural = names?.GetString("plural");
        if (kind is null || plural is null)
            yield break;
        var namespaced = spec.GetString("scope") != "Cluster";
        foreach (var v in spec.GetSequence("versions")?.Mappings() ?? [])
        {
            if (v.GetString("name") is { } name)
                yield return new ApiResourceInfo(group, name, kind, plural, namespaced);
        }
    }

    private static ApiResourceInfo[] LoadBuiltIn()
    {
        // Every minor's served kinds, newest first, so a kind keeps the plural and scope of its newest appearance and
        // versions that newer clusters removed (extensions/v1beta1 Ingress) still resolve.
        var api = KubernetesApi.Embedded;
        var list = new List<ApiResourceInfo>();
        for (var minor = api.NewestMinor; minor >= api.OldestMinor; minor--)
        {
            foreach (var kind in api.ForMinor(minor)?.Kinds ?? [])
            {
                if (kind.Plural is { } plural)
                    list.Add(new ApiResourceInfo(kind.Group, kind.Version, kind.Kind, plural, kind.Namespaced));
            }
        }

        return [.. list.DistinctBy(r => (r.Group, r.Version, r.Kind))];
    }
}
