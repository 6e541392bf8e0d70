using ManifestLint.Testing;
using Xunit.Abstractions;

namespace ManifestLint.Helm.Tests;

/// <summary>
/// Helm 4's own <c>helm template</c> golden outputs (../shared/conformance/helm-golden-v4, from helm/helm's main branch),
/// rendered in Helm 4.2 mode (<c>--helm-version 4.2</c>, the main branch's rules) byte for byte, with the same harness as <see cref="HelmGoldenTests"/>.
/// </summary>
public sealed class HelmGoldenV4Tests(ITestOutputHelper output)
{
    private const string Missing = "<golden folder missing>";

    private static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "helm-golden-v4"));

    public static TheoryData<string> Cases() => HelmGoldenTests.CaseIds(Folder, Missing);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_prints_what_helm_4_template_prints(string id)
    {
        if (id == Missing)
        {
            output.WriteLine("skipped: the Helm 4 golden corpus was not found at " + Folder + " (it lives in ../shared next to the repository)");
            return;
        }

        var c = HelmGoldenTests.GoldenCase.Load(Folder).Single(x => x.Number + ": " + x.Name == id);
        var failure = c.Run(Folder, HelmLine.V4_2);
        Assert.True(failure is null, failure);
    }
}
