using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Discovery;
using ManifestLint.Kustomize;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ManifestLint.Linting;

/// <summary>
/// The Kustomize stage: every folder holding a kustomization is built; the roots that no other root uses (or those
/// <c>--kustomize-roots</c> chooses) are linted through their build output, read through its source map so each node
/// points at the base, patch or generator line that set it; the files any build read are not linted again as plain
/// manifests.
/// </summary>
public static partial class LintPipeline
{
    private sealed record KustomizeStage(ImmutableArray<ParsedFile> Parsed, IReadOnlySet<string> Consumed);

    private static KustomizeStage BuildKustomizations(ImmutableArray<KustomizationInput> roots, LintRequest request, CancellationToken cancellationToken)
    {
        if (roots.IsDefaultOrEmpty)
            return new KustomizeStage([], new HashSet<string>(StringComparer.Ordinal));
        // Every root is built (a base too: its build says which files and roots it uses); a build that throws
        // leaves its finding in `failed` and no result.
        var builds = new KustomizeBuildResult?[roots.Length];
        var failed = new ParsedFile[roots.Length];
        Parallel.For(0, roots.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = request.MaxParallelism }, i =>
            failed[i] = Isolated(KustomizationPath(roots[i]), "building this kustomization", () =>
            {
                builds[i] = KustomizeBuilder.Build(roots[i].FullPath, request.RepositoryRoot, cancellationToken);
                return new ParsedFile(null, [], [], 0, 0);
            }, cancellationToken));

        var consumed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (root, build) in roots.Zip(builds))
        {
            consumed.Add(KustomizationPath(root));
            if (build is not null)
                consumed.UnionWith(build.FilesRead);
        }

        Func<KustomizationInput, bool> linted;
        if (!request.KustomizeRoots.IsDefaultOrEmpty)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(request.KustomizeRoots.Select(g => g.Replace('\\', '/').TrimEnd('/')));
            linted = r => matcher.Match(r.Path.Length == 0 ? "." : r.Path).HasMatches;
        }
        else
        {
            // A root another root's build read (a base, a component) is linted through the roots that use it; only
            // builds that succeeded count, so roots in a cycle, or a base under a broken overlay, are still reported.
            var used = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < roots.Length; i++)
            {
                if (builds[i] is not { Problems.IsEmpty: true } b)
                    continue;
                for (var j = 0; j < roots.Length; j++)
                {
                    if (i != j && b.FilesRead.Contains(KustomizationPath(roots[j])))
                        used.Add(roots[j].Path);
                }
            }

            linted = r => !used.Contains(r.Path);
        }

        var parsed = ImmutableArray.CreateBuilder<ParsedFile>();
        for (var i = 0; i < roots.Length; i++)
        {
            if (!linted(roots[i]))
                continue;
            if (builds[i] is not { } build)
                parsed.Add(failed[i]);
            else
                parsed.Add(Isolated(KustomizationPath(roots[i]), "reading the build of this kustomization", () => ReadBuild(roots[i], build, request, cancellationToken), cancellationToken));
        }

        return new KustomizeStage(parsed.ToImmutable(), consumed);
    }

    private static string KustomizationPath(KustomizationInput root)
    {
        var file = KustomizationFile.Find(root.FullPath) is { } f ? Path.GetFileName(f) : KustomizationFile.FileNames[0];
        return root.Path.Length == 0 ? file : root.Path + "/" + file;
    }

    private static ParsedFile ReadBuild(KustomizationInput root, KustomizeBuildResult build, LintRequest request, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<Finding>();
        foreach (var p in build.Problems)
        {
            var rule = InputProblems.KustomizeBuild;
            var message = (p.Unsupported ? "Not supported: " : "Kustomize build failed: ") + p.Message + $" (root {Name(root)})";
            problems.Add(new Finding(rule.Id, rule.Severity, message, p.Span, null, null, []));
        }

        var resources = ImmutableArray.CreateBuilder<Resource>();
        var skipped = 0;
        var documents = 0;
        var virtualPath = KustomizationPath(root);
        foreach (var doc in build.Documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var load = YamlLoader.Load(new SourceFile(virtualPath, doc.Text), doc.Map, options: null, cancellationToken);
            problems.AddRange(load.Problems);
            foreach (var d in load.Documents)
            {
                documents++;
                var path = d.Root?.Span.Path ?? virtualPath;
                resources.AddRange(ReadResources(d, request.Namespace, new ResourceOrigin(path, documents - 1, Kustomization: Name(root)), problems, ref skipped, cancellationToken));
            }
        }

        return new ParsedFile(null, resources.ToImmutable(), problems.ToImmutable(), documents, skipped);
    }

    private static string Name(KustomizationInput root) => root.Path.Length == 0 ? "." : root.Path;

    /// <summary>A finding on a resource built by a Kustomize root names the root: the same base line can be wrong in one overlay only.</summary>
    private static ImmutableArray<Finding> NameOverlays(ImmutableArray<Finding> findings) =>
        findings.Any(f => f.Subject?.Origin.Kustomization is not null)
            ? [.. findings.Select(f => f.Subject?.Origin.Kustomization is { } root ? f with { Message = f.Message + $" (in Kustomize overlay {root})" } : f)]
            : findings;
}
