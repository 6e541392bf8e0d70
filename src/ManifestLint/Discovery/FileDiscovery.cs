using System.Collections.Immutable;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ManifestLint.Discovery;

/// <summary>
/// Walks the input paths: manifest files (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>), Helm chart roots and folders holding a kustomization.
/// Skips <c>.git</c> and <c>node_modules</c>, honours include/exclude globs and <c>.manifestlintignore</c>,
/// follows directory links only to folders not yet visited (so link loops end), and never throws on
/// unreadable folders: they become findings.
/// </summary>
public static class FileDiscovery
{
    public const string IgnoreFileName = ".manifestlintignore";

    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];
    private static readonly string[] SkippedFolders = [".git", "node_modules"];

    /// <summary>Our own files are not manifests, and walking into them would count them as skipped documents.</summary>
    private static readonly string[] SkippedFiles = [".manifestlint.yaml", ".manifestlint.yml", ".manifestlint-baseline.json", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml"];

    public static DiscoveryResult Find(DiscoveryRequest request, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(request.RepositoryRoot);
        var exclude = new Matcher(StringComparison.Ordinal);
        var excludePatterns = request.Exclude.Concat(ReadIgnoreFile(Path.Combine(root, IgnoreFileName))).Select(NormalizePattern).ToArray();
        exclude.AddIncludePatterns(excludePatterns);
        var hasExclude = excludePatterns.Length > 0;
        Matcher? include = null;
        if (!request.Include.IsDefaultOrEmpty)
        {
            include = new Matcher(StringComparison.Ordinal);
            include.AddIncludePatterns(request.Include.Select(NormalizePattern));
        }

        var files = new SortedDictionary<string, ManifestInput>(StringComparer.Ordinal);
        var charts = new SortedDictionary<string, ChartInput>(StringComparer.Ordinal);
        var kustomizations = new SortedDictionary<string, KustomizationInput>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        bool Excluded(string relative, bool isDirectory)
        {
            if (!hasExclude)
                return false;
            if (exclude.Match(relative).HasMatches)
                return true;
            return isDirectory && exclude.Match(relative + "/x").HasMatches && exclude.Match(relative + "/x/y").HasMatches;
        }

        void AddFile(string full, bool explicitlyNamed)
        {
            var relative = Relative(root, full);
            if (!explicitlyNamed)
            {
                if (!ManifestExtensions.Contains(Path.GetExtension(full), StringComparer.OrdinalIgnoreCase))
                    return;
                if (SkippedFiles.Contains(Path.GetFileName(full), StringComparer.Ordinal))
                    return;
                if (Excluded(relative, false))
                    return;
                if (include is not null && !include.Match(relative).HasMatches)
                    return;
            }

            files.TryAdd(relative, new ManifestInput(full, relative));
        }

        void Walk(string directory)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var real = RealPath(directory);
            if (!visited.Add(real))
                return;
            var relative = Relative(root, directory);
            if (File.Exists(Path.Combine(directory, "Chart.yaml")))
            {
                charts.TryAdd(relative, new ChartInput(directory, relative));
                return;
            }

            if (Kustomize.KustomizationFile.Find(directory) is not null)
                kustomizations.TryAdd(relative, new KustomizationInput(directory, relative));

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(Unreadable(relative, $"Folder could not be read: {e.Message}"));
                return;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (SkippedFolders.Contains(name, StringComparer.Ordinal))
                        continue;
                    if (Excluded(Relative(root, entry), true))
                        continue;
                    Walk(entry);
                }
                else if (File.Exists(entry))
                {
                    AddFile(entry, explicitlyNamed: false);
                }
            }
        }

        foreach (var p in request.Paths.IsDefaultOrEmpty ? ["."] : request.Paths)
        {
            var full = Path.GetFullPath(Path.Combine(request.WorkingDirectory, p));
            if (Directory.Exists(full))
            {
                if (Path.GetFileName(full) == "Chart.yaml")
                    continue;
                Walk(full);
            }
            else if (File.Exists(full))
            {
                if (Path.GetFileName(full) == "Chart.yaml")
                {
                    var dir = Path.GetDirectoryName(full)!;
                    charts.TryAdd(Relative(root, dir), new ChartInput(dir, Relative(root, dir)));
                }
                else if (Kustomize.KustomizationFile.FileNames.Contains(Path.GetFileName(full), StringComparer.Ordinal))
                {
                    var dir = Path.GetDirectoryName(full)!;
                    kustomizations.TryAdd(Relative(root, dir), new KustomizationInput(dir, Relative(root, dir)));
                }
                else
                {
                    AddFile(full, explicitlyNamed: true);
                }
            }
            else
            {
                problems.Add(Unreadable(Relative(root, full), $"No such file or folder: {p}"));
            }
        }

        return new DiscoveryResult([.. files.Values], [.. charts.Values], problems.ToImmutable()) { Kustomizations = [.. kustomizations.Values] };
    }

    /// <summary>Reads a .manifestlintignore: one glob a line, <c>#</c> comments, blank lines ignored.</summary>
    internal static IEnumerable<string> ReadIgnoreFile(string path)
    {
        if (!File.Exists(path))
            return [];
        try
        {
            return File.ReadAllLines(path)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Gitignore-like conventions: a pattern without a slash matches at any depth; a trailing slash means a folder.</summary>
    internal static string NormalizePattern(string pattern)
    {
        var p = pattern.Replace('\\', '/').Trim();
        if (p.StartsWith("./", StringComparison.Ordinal))
            p = p[2..];
        var anchored = p.StartsWith('/');
        p = p.TrimStart('/');
        if (p.EndsWith('/'))
            p += "**";
        if (!anchored && !p.Contains('/', StringComparison.Ordinal))
            p = "**/" + p;
        return p;
    }

    internal static string Relative(string root, string full)
    {
        var rel = Path.GetRelativePath(root, full).Replace('\\', '/');
        return rel == "." ? string.Empty : rel;
    }

    private static string RealPath(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                return Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            // A broken or cyclic link resolves to itself; the visited set then stops the walk.
        }

        return Path.GetFullPath(directory);
    }

    private static Finding Unreadable(string path, string message) =>
        new(InputProblems.InputUnreadable.Id, InputProblems.InputUnreadable.Severity, message, SourceSpan.At(path.Length == 0 ? "." : path, 1, 1), null, null, []);
}
