using ManifestLint.Testing;

namespace ManifestLint.Core.Tests.Rbac;

/// <summary>A fact skipped, with the reason in the output, when <c>../shared/rbac</c> (Kubernetes' default roles) is not beside the repository.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedRbacFactAttribute : FactAttribute
{
    public SharedRbacFactAttribute()
    {
        if (!File.Exists(Path.Combine(Folder, DefaultClusterRolesGenerator.RolesFile)))
            Skip = $"Skipped: Kubernetes' default roles not found at {Folder} (../shared/rbac beside the repository root).";
    }

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "rbac"));
}
