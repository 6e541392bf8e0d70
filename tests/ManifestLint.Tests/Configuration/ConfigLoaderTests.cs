using ManifestLint.Cli;
using ManifestLint.Configuration;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Tests.Configuration;

public class ConfigLoaderTests
{
    private static ManifestLintConfig Parse(string yaml) =>
        ConfigLoader.Parse(new SourceFile(".manifestlint.yaml", yaml), "/repo", RuleCatalog.BuiltIn.RulesById, RuleCatalog.BuiltIn.ReservedIds);

    private static string Error(string yaml) => Assert.Throws<UsageException>(() => Parse(yaml)).Message;

    [Fact]
    public void Reads_every_setting()
    {
        var config = Parse("""
            namespace: payments
            complete: true
            failOn: warning
            include: ["deploy/**"]
            exclude: ["deploy/generated/**", "**/test/**"]
            rules:
              image-not-pinned:
                enabled: false
              missing-liveness-probe:
                severity: error
              yaml-syntax:
                severity: warning
            """);

        Assert.Equal("payments", config.Namespace);
        Assert.True(config.Complete);
        Assert.Equal(FailOn.Warning, config.FailOn);
        Assert.Equal(["deploy/**"], config.Include.ToArray());
        Assert.Equal(["deploy/generated/**", "**/test/**"], config.Exclude.ToArray());
        Assert.False(config.Rules["image-not-pinned"].Enabled);
        Assert.Equal(Severity.Error, config.Rules["missing-liveness-probe"].Severity);
        Assert.Equal(Severity.Warning, config.Rules["yaml-syntax"].Severity);
    }

    [Fact]
    public void Empty_file_is_an_empty_configuration()
    {
        var config = Parse("# nothing yet\n");

        Assert.Empty(config.Rules);
        Assert.Null(config.Namespace);
    }

    [Fact]
    public void Unknown_rule_id_is_an_error_at_its_position_with_a_suggestion()
    {
        var message = Error("rules:\n  privileged-contaner:\n    enabled: false\n");

        Assert.Contains(".manifestlint.yaml:2:3: unknown rule 'privileged-contaner'; did you mean 'privileged-container'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_errors_with_their_position()
    {
        var message = Error("namespace: shop\nexlude: [a]\nrules:\n  host-pid:\n    enable: false\n");

        Assert.Contains(".manifestlint.yaml:2:1: unknown top-level key 'exlude'; did you mean 'exclude'?", message, StringComparison.Ordinal);
        Assert.Contains(".manifestlint.yaml:5:5: unknown setting of rule 'host-pid' 'enable'; did you mean 'enabled'?", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("failOn: critical\n", ".manifestlint.yaml:1:9: 'failOn' must be one of error, warning, note, none (got 'critical')")]
    [InlineData("rules:\n  host-pid:\n    severity: high\n", ".manifestlint.yaml:3:15: 'severity' must be one of error, warning, note (got 'high')")]
    [InlineData("rules:\n  host-pid:\n    enabled: maybe\n", ".manifestlint.yaml:3:14: 'enabled' must be true or false")]
    [InlineData("exclude: vendor/**\n", ".manifestlint.yaml:1:10: 'exclude' must be a list of glob patterns")]
    [InlineData("- rules\n", ".manifestlint.yaml:1:1: the configuration must be a mapping")]
    [InlineData("rules:\n  host-pid:\n    options:\n      x: 1\n", ".manifestlint.yaml:3:5: rule 'host-pid' takes no options")]
    [InlineData("rules:\n  yaml-syntax:\n    enabled: false\n", ".manifestlint.yaml:3:5: 'yaml-syntax' reports a problem with the input itself and cannot be disabled")]
    public void Invalid_values_are_errors_with_their_position(string yaml, string expected)
    {
        Assert.Contains(expected, Error(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_an_error_with_its_position()
    {
        var message = Error("rules:\n  host-pid: [\n");

        Assert.Matches(@"\.manifestlint\.yaml:\d+:\d+: Invalid YAML", message);
    }

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        var message = Error("namespace: a\nnamespace: b\n");

        Assert.Contains(".manifestlint.yaml:2:1: Duplicate key 'namespace'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var message = Error("namespaces: a\nfailOn: x\n");

        Assert.Contains(":1:1:", message, StringComparison.Ordinal);
        Assert.Contains(":2:9:", message, StringComparison.Ordinal);
    }
}
