using ManifestLint.Testing;

namespace ManifestLint.Kustomize.Tests;

/// <summary>
/// Every Kustomize root of <c>testdata/kustomize/</c> against the output of <c>kubectl kustomize</c> (kubectl v1.35,
/// kustomize v5.7.1) checked in beside it as <c>expected.out</c>; a root without one fails in kubectl, and must fail here
/// too, with a located problem. <c>.ci/kustomize-diff.sh</c> regenerates and rechecks them with the real kubectl.
/// </summary>
public class CorpusTests
{
    private static string Corpus => Path.Combine(RepositoryPaths.Root, "testdata", "kustomize");

    public static TheoryData<string> Roots() => [.. RootPaths()];

    private static IEnumerable<string> RootPaths() =>
        Directory.EnumerateDirectories(Corpus, "*", SearchOption.AllDirectories)
            .Where(dir => KustomizationFile.Find(dir) is not null)
            .Select(RepositoryPaths.Relative)
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Roots))]
    public void Root_builds_like_kubectl_kustomize(string root)
    {
        var expected = Path.Combine(RepositoryPaths.Root, root, "expected.out");
        var result = KustomizeBuilder.Build(root, RepositoryPaths.Root);

        if (result.Problems.Any(p => p.Unsupported))
        {
            // kubectl builds it, we name what we do not implement instead of building it wrong.
            Assert.Empty(result.Documents);
            Assert.Single(result.Problems);
        }
        else if (File.Exists(expected))
        {
            Assert.True(result.Problems.IsEmpty, string.Join("\n", result.Problems));
            Assert.Equal(File.ReadAllText(expected).ReplaceLineEndings("\n"), result.Text);
        }
        else
        {
            var problem = Assert.Single(result.Problems);
            Assert.Empty(result.Documents);
            Assert.StartsWith("testdata/kustomize/", problem.Span.Path, StringComparison.Ordinal);
            Assert.True(problem.Span.StartLine >= 1);
        }
    }

    [Fact]
    public void The_corpus_covers_overlays_components_and_failures()
    {
        var roots = RootPaths().ToList();
        Assert.True(roots.Count(r => File.Exists(Path.Combine(RepositoryPaths.Root, r, "expected.out"))) >= 15);
        Assert.Contains("testdata/kustomize/shop/overlays/prod", roots);
        Assert.Contains("testdata/kustomize/shop/components/monitoring", roots);
        Assert.Contains(roots, r => r.Contains("/errors/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_var_used_where_it_is_not_substituted_is_named_at_its_line()
    {
        var problem = Assert.Single(KustomizeBuilder.Build("testdata/kustomize/unsupported/vars-in-ingress", RepositoryPaths.Root).Problems);

        Assert.True(problem.Unsupported);
        Assert.Contains("vars are not supported there", problem.Message, StringComparison.Ordinal);
        Assert.Equal(("testdata/kustomize/unsupported/vars-in-ingress/ingress.yaml", 14), (problem.Span.Path, problem.Span.StartLine));
    }

    [Fact]
    public void Remote_resources_are_a_problem_and_never_fetched()
    {
        var problem = Assert.Single(KustomizeBuilder.Build("testdata/kustomize/errors/remote-resource", RepositoryPaths.Root).Problems);

        Assert.False(problem.Unsupported);
        Assert.Contains("is not fetched", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Span.StartLine);
    }
}
