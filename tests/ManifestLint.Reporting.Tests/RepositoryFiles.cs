using System.Reflection;

namespace ManifestLint.Reporting.Tests;

/// <summary>Locates the repository (the folder holding ManifestLint.sln) and the shared folder beside it.</summary>
internal static class RepositoryFiles
{
    public static string? Root { get; } = FindRoot();

    public static string? SarifSchema => Shared("schemas/sarif-schema-2.1.0.json");

    public static string? SarifValidate => Shared("tools/sarif-validate");

    private static string? Shared(string relative)
    {
        if (Root is null)
            return null;
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));
        return File.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        // The build records the project folder, because the binaries may live outside the tree (--artifacts-path).
        var projectDirectory = typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        foreach (var start in new[] { projectDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ManifestLint.sln")))
                    return dir.FullName;
            }
        }

        return null;
    }
}
