using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>A loaded kustomization: its folder, its file and its top-level mapping with positions.</summary>
public sealed record KustomizationFile(string FullDirectory, string Directory, string Path, SourceFile Source, YamlMapping Root)
{
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    internal bool IsComponent => Root.GetString("kind") == "Component";

    internal SourceSpan KeySpan(string key) => Root.GetKey(key)?.Span ?? SourceSpan.At(Path, 1, 1);

    /// <summary>The kustomization file in <paramref name="fullDirectory"/>, or null.</summary>
    public static string? Find(string fullDirectory)
    {
        foreach (var name in FileNames)
        {
            var p = System.IO.Path.Combine(fullDirectory, name);
            if (File.Exists(p))
                return p;
        }

        return null;
    }
}
