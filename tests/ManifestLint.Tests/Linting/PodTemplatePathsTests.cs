using System.Text.Json;
using ManifestLint.Cli;
using ManifestLint.Configuration;
using ManifestLint.Core.Text;

namespace ManifestLint.Tests.Linting;

/// <summary><c>podTemplates:</c> in <c>.manifestlint.yaml</c> makes an in-house kind's pod template visible to every pod rule.</summary>
public sealed class PodTemplatePathsTests
{
    private const string App = """
        apiVersion: platform.example.com/v1
        kind: App
        metadata:
          name: shop
        spec:
          podTemplate:
            spec:
              containers:
                - name: shop
                  image: registry.example.com/shop:1.0.0
                  securityContext:
                    privileged: true
        """;

    [Fact]
    public void A_mapped_kind_gets_pod_findings_and_an_unmapped_one_none()
    {
        var dir = Directory.CreateTempSubdirectory("podtemplates-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "app.yaml"), App);
            Assert.DoesNotContain("privileged-container", Rules(dir.FullName));

            File.WriteAllText(Path.Combine(dir.FullName, ".manifestlint.yaml"), "podTemplates:\n  platform.example.com/App: spec.podTemplate\n");
            Assert.Contains("privileged-container", Rules(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_setting_is_read_and_a_bad_path_is_an_error_at_its_position()
    {
        var config = ConfigLoader.Parse(new SourceFile(".manifestlint.yaml", "podTemplates:\n  App: spec.podTemplate\n"), "/repo", RuleCatalog.BuiltIn.RulesById, RuleCatalog.BuiltIn.ReservedIds);
        Assert.Equal("spec.podTemplate", config.PodTemplates["App"]);

        var error = Assert.Throws<UsageException>(() => ConfigLoader.Parse(new SourceFile(".manifestlint.yaml", "podTemplates:\n  App: spec..template\n"), "/repo", RuleCatalog.BuiltIn.RulesById, RuleCatalog.BuiltIn.ReservedIds));
        Assert.Contains(".manifestlint.yaml:2:8: the pod template path of 'App' must be dotted keys", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Rules(string path)
    {
        var run = CliRun.Invoke(["lint", path, "--format", "json", "--fail-on", "none"], workingDirectory: path);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!)];
    }
}
