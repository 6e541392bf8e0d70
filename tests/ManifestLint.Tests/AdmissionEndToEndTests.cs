using ManifestLint.Testing;
using Snapshooter.Xunit;

namespace ManifestLint.Tests;

/// <summary>
/// Policies and bindings in one folder (<c>--policy</c>), a Helm chart in another: each violation is reported on
/// the chart's template line, with the policy's expression, the binding and the values line as related locations.
/// </summary>
public class AdmissionEndToEndTests
{
    private static readonly string[] Args = ["lint", "testdata/e2e/admission/charts", "--policy", "testdata/e2e/admission/policies", "--fail-on", "none"];

    [Fact]
    public void Text_report_matches_snapshot()
    {
        var run = CliRun.Invoke(Args);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("templates/deployment.yaml:12:16: error[admission-policy]", run.Out, StringComparison.Ordinal);
        Snapshot.Match(SnapshotText.Normalize(run.Out));
    }

    [Fact]
    public void Sarif_report_matches_snapshot()
    {
        var run = CliRun.Invoke([.. Args, "--format", "sarif"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Snapshot.Match(SnapshotText.Sarif(run.Out));
    }

    [Fact]
    public void Policy_files_are_not_linted_as_manifests()
    {
        var run = CliRun.Invoke(Args);

        Assert.DoesNotContain(run.Out.Split('\n'), line => line.StartsWith("testdata/e2e/admission/policies/", StringComparison.Ordinal));
        Assert.Contains("(2 resources, 1 chart)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_path_that_does_not_exist_is_a_usage_error()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/admission/charts", "--policy", "testdata/e2e/admission/nope");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("policy path not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_from_the_configuration_file_apply_like_the_option()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-policies-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, ".manifestlint.yaml"), $"policies:\n  - {Path.Combine(RepositoryPaths.Root, "testdata/e2e/admission/policies")}\n");
            var run = CliRun.Invoke(["lint", Path.Combine(RepositoryPaths.Root, "testdata/e2e/admission/charts"), "--config", Path.Combine(dir.FullName, ".manifestlint.yaml"), "--fail-on", "none"]);
            Assert.Contains("error[admission-policy]", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
