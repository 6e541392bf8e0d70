using ManifestLint.Testing;

namespace ManifestLint.Schemas.Tests;

/// <summary>A fact skipped, with the reason in the output, when <c>../shared/kubernetes</c> (the API specs) is not beside the repository.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedKubernetesFactAttribute : FactAttribute
{
    public SharedKubernetesFactAttribute()
    {
        if (!Directory.Exists(Path.Combine(Folder, "kubernetes", "openapi")))
            Skip = $"Skipped: the Kubernetes API specs were not found at {Folder}/kubernetes (../shared beside the repository root).";
    }

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));
}
