using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>An <c>EncryptionConfiguration</c> (apiserver.config.k8s.io/v1): which providers protect which resources.</summary>
public sealed class EncryptionConfigView
{
    public EncryptionConfigView(Resource resource) => Resource = resource;

    public Resource Resource { get; }

    public static bool IsEncryptionConfig(Resource r) =>
        r.Kind == "EncryptionConfiguration" && r.Group == "apiserver.config.k8s.io";

    /// <summary>The anchor for findings about the configuration as a whole: the <c>resources</c> key or the kind.</summary>
    public YamlNode Anchor => (YamlNode?)Resource.Root.GetKey("resources") ?? (YamlNode?)Resource.Root.GetScalar("kind") ?? Resource.Root;

    /// <summary>The entries of <c>resources</c>: the resource names they cover and their providers, in order.</summary>
    public IEnumerable<(YamlSequence? Resources, YamlSequence? Providers)> Entries()
    {
        if (Resource.Root.GetSequence("resources") is not { } entries)
            yield break;
        foreach (var e in entries.Mappings())
            yield return (e.GetSequence("resources"), e.GetSequence("providers"));
    }

    /// <summary>
    /// The entry that applies to Secrets: the first whose list names <c>secrets</c>, <c>*.</c> (every core
    /// resource) or <c>*.*</c> (everything), as the API server picks the first matching entry.
    /// </summary>
    public (YamlScalar Name, YamlSequence? Providers)? SecretsEntry()
    {
        foreach (var (resources, providers) in Entries())
        {
            if (resources is null)
                continue;
            foreach (var name in resources.Scalars())
            {
                if (name.Text is "secrets" or "*." or "*.*")
                    return (name, providers);
            }
        }

        return null;
    }

    /// <summary>A provider item's type key (<c>identity</c>, <c>aescbc</c>, <c>aesgcm</c>, <c>secretbox</c>, <c>kms</c>) and its mapping.</summary>
    public static (YamlScalar Key, YamlMapping? Body)? ProviderOf(YamlNode item) =>
        item is YamlMapping m && m.Entries.Length > 0 ? (m.Entries[0].Key, m.Entries[0].Value as YamlMapping) : null;
}
