using System.Text.Json;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// <c>lint</c> over Kustomize roots, end to end: overlays are built and linted, bases only through them, findings
/// land on the patch or generator line that caused them with the base as a related location, and broken roots are
/// located <c>kustomize-build</c> findings while the rest is still linted.
/// </summary>
public class KustomizeLintTests
{
    private static List<JsonElement> Findings(params string[] args)
    {
        var run = CliRun.Invoke(["lint", .. args, "--format", "json", "--fail-on", "none"]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        return [.. JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray()];
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public void A_finding_on_a_patched_field_points_at_the_patch_line_with_the_base_as_related()
    {
        var finding = Assert.Single(Findings("testdata/kustomize/provenance"), f => Text(f, "ruleId") == "privilege-escalation-allowed");

        Assert.Equal("testdata/kustomize/provenance/overlay/escalate.yaml", Text(finding, "path"));
        Assert.Equal(11, finding.GetProperty("startLine").GetInt32());
        Assert.Contains("(in Kustomize overlay testdata/kustomize/provenance/overlay)", Text(finding, "message"), StringComparison.Ordinal);
        var related = Assert.Single(finding.GetProperty("related").EnumerateArray());
        Assert.Equal("testdata/kustomize/provenance/base/deployment.yaml", Text(related, "path"));
        Assert.Equal(21, related.GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void A_field_added_by_a_patch_in_one_overlay_is_reported_for_that_overlay_only()
    {
        var privileged = Findings("testdata/kustomize/shop").Where(f => Text(f, "ruleId") == "privileged-container").ToList();

        var finding = Assert.Single(privileged);
        Assert.Equal("testdata/kustomize/shop/overlays/dev/debug.yaml", Text(finding, "path"));
        Assert.Contains("overlays/dev", Text(finding, "message"), StringComparison.Ordinal);
        Assert.Contains(finding.GetProperty("related").EnumerateArray(), r => Text(r, "path") == "testdata/kustomize/shop/base/deployment.yaml");
    }

    [Fact]
    public void A_finding_on_a_generated_ConfigMap_points_at_the_generator_entry()
    {
        var finding = Assert.Single(Findings("testdata/kustomize/provenance"), f => Text(f, "ruleId") == "suppression-without-reason");

        Assert.Equal("testdata/kustomize/provenance/base/kustomization.yaml", Text(finding, "path"));
        Assert.Equal(11, finding.GetProperty("startLine").GetInt32());
        Assert.Equal("ConfigMap", finding.GetProperty("resource").GetProperty("kind").GetString());
    }

    [Fact]
    public void Bases_are_linted_through_their_overlays_and_not_as_plain_files()
    {
        var findings = Findings("testdata/kustomize/shop");

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains("(in Kustomize overlay testdata/kustomize/shop/overlays/", Text(f, "message"), StringComparison.Ordinal));
        // A base missing resource requests that every overlay but staging patches in is reported for staging only.
        var requests = findings.Where(f => Text(f, "ruleId") == "missing-resource-requests" && Text(f, "message").Contains("'web'", StringComparison.Ordinal)).ToList();
        Assert.Contains("overlays/staging", Text(Assert.Single(requests), "message"), StringComparison.Ordinal);
    }

    [Fact]
    public void Kustomize_roots_option_chooses_the_roots()
    {
        var findings = Findings("testdata/kustomize/shop", "--kustomize-roots", "testdata/kustomize/shop/base");

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains("(in Kustomize overlay testdata/kustomize/shop/base)", Text(f, "message"), StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_roots_are_located_findings_and_the_rest_is_still_linted()
    {
        var findings = Findings("testdata/kustomize/errors", "testdata/kustomize/unsupported", "testdata/e2e/app");
        var build = findings.Where(f => Text(f, "ruleId") == "kustomize-build").ToList();

        Assert.Equal(12, build.Count);
        Assert.Contains(build, f => Text(f, "path") == "testdata/kustomize/errors/remote-resource/kustomization.yaml" && f.GetProperty("startLine").GetInt32() == 4
            && Text(f, "message").Contains("not fetched", StringComparison.Ordinal));
        Assert.Contains(build, f => Text(f, "path") == "testdata/kustomize/unsupported/vars-in-ingress/ingress.yaml" && Text(f, "message").StartsWith("Not supported: ", StringComparison.Ordinal));
        Assert.Contains(findings, f => Text(f, "path").StartsWith("testdata/e2e/app/", StringComparison.Ordinal));
    }

    [Fact]
    public void Kustomize_build_prints_what_kubectl_kustomize_prints()
    {
        var run = CliRun.Invoke("kustomize", "build", "testdata/kustomize/shop/overlays/prod");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(Testing.RepositoryPaths.Root, "testdata/kustomize/shop/overlays/prod/expected.out")), run.Out);
    }

    [Fact]
    public void Kustomize_build_of_a_broken_root_names_the_line()
    {
        var run = CliRun.Invoke("kustomize", "build", "testdata/kustomize/errors/unknown-field");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("testdata/kustomize/errors/unknown-field/kustomization.yaml:5:1: invalid kustomization: unknown field \"namePrefx\"", run.Error, StringComparison.Ordinal);
    }
}
