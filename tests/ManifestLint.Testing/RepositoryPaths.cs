using System.Reflection;

namespace ManifestLint.Testing;

/// <summary>Locates the repository (the folder holding ManifestLint.sln) from a test run.</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "ManifestLint.sln";

    /// <summary>
    /// Walks up from the test binaries, then from the working directory; builds with a separate
    /// <c>--artifacts-path</c> put the binaries outside the tree, so the path recorded at build time is the last resort.
    /// </summary>
    public static string Root { get; } = FindRoot();

    public static string RuleFixtures => Path.Combine(Root, "testdata", "rules");

    public static string RuleDocs => Path.Combine(Root, "rules");

    /// <summary>A path relative to the root with forward slashes, as the product names files.</summary>
    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, BuildTimeRoot() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find {SolutionFile} above {AppContext.BaseDirectory}");
    }

    private static string? BuildTimeRoot() =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
}
