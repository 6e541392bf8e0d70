using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model;

/// <summary>Turns loaded documents into resources: flattens lists, defaults namespaces, counts non-Kubernetes documents.</summary>
public static class ResourceReader
{
    /// <summary>Reads the resources of one document; <paramref name="skipped"/> counts documents that are not Kubernetes objects.</summary>
    public static ImmutableArray<Resource> Read(YamlDocument document, string defaultNamespace, ResourceOrigin origin, out int skipped)
    {
        skipped = 0;
        var result = ImmutableArray.CreateBuilder<Resource>();
        if (document.Root is not YamlMapping root)
        {
            if (document.Root is not null)
                skipped++;
            return result.ToImmutable();
        }

        Add(root, defaultNamespace, origin, result, ref skipped, depth: 0);
        return result.ToImmutable();
    }

    private static void Add(YamlMapping root, string defaultNamespace, ResourceOrigin origin, ImmutableArray<Resource>.Builder result, ref int skipped, int depth)
    {
        var apiVersion = root.GetString("apiVersion");
        var kind = root.GetString("kind");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            skipped++;
            return;
        }

        if (KnownKinds.IsList(kind) && root.GetSequence("items") is { } items && depth < 4)
        {
            foreach (var item in items.Mappings())
                Add(item, defaultNamespace, origin, result, ref skipped, depth + 1);
            return;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var metadata = root.GetMapping("metadata");
        // Configuration files (kubeadm, kubelet, encryption, audit) have no metadata; their file names them.
        var name = metadata?.GetString("name") ?? metadata?.GetString("generateName")
            ?? (metadata is null ? Path.GetFileName(origin.Path) : string.Empty);
        string? ns = null;
        var defaulted = false;
        if (!KnownKinds.IsClusterScoped(group, kind))
        {
            ns = metadata?.GetString("namespace");
            if (string.IsNullOrEmpty(ns))
            {
                ns = defaultNamespace;
                defaulted = true;
            }
        }

        result.Add(new Resource(apiVersion, kind, ns, name, root, origin, defaulted));
    }
}
