using System.Collections.Immutable;
using ManifestLint.Cli;
using ManifestLint.Commands;
using ManifestLint.Testing;

namespace ManifestLint.Tests;

/// <summary>The command line parses as documented, without running anything (dotnet/format's ProgramTests).</summary>
public class ProgramTests
{
    private static readonly CliEnvironment Environment = new(TextWriter.Null, TextWriter.Null, RepositoryPaths.Root, ImmutableDictionary<string, string>.Empty, false);

    [Theory]
    [InlineData("lint")]
    [InlineData("lint .")]
    [InlineData("lint deploy/ charts/web manifests/pod.yaml")]
    [InlineData("lint . --format sarif --output out.sarif --fail-on warning")]
    [InlineData("lint . -f json -o report.json --fail-on none")]
    [InlineData("lint . --format github --namespace shop --config ci/.manifestlint.yaml")]
    [InlineData("lint . --include **/*.yaml --include deploy/** --exclude vendor/** --exclude **/test/**")]
    [InlineData("lint . --enable image-not-pinned --disable host-users --disable run-as-root")]
    [InlineData("lint . --quiet --complete --no-color --show-suppressed")]
    [InlineData("lint . --format sarif --sarif-category manifests/shop")]
    [InlineData("lint --quiet --report-only deploy/web.yaml deploy/db.yaml")]
    [InlineData("rules")]
    [InlineData("rules --format json")]
    [InlineData("rules docs --out rules")]
    [InlineData("explain privileged-container")]
    [InlineData("--version")]
    public void Typical_command_lines_parse_without_errors(string commandLine)
    {
        var result = ManifestLintCommand.GetCommand(Environment).Parse(commandLine.Split(' '));

        Assert.Empty(result.Errors);
        Assert.Empty(result.UnmatchedTokens);
    }

    [Theory]
    [InlineData("lint . --format xml")]
    [InlineData("lint . --fail-on critical")]
    [InlineData("rules docs")]
    [InlineData("explain")]
    public void Malformed_command_lines_have_parse_errors(string commandLine)
    {
        var result = ManifestLintCommand.GetCommand(Environment).Parse(commandLine.Split(' '));

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Lint_options_become_an_invocation_record()
    {
        var result = ManifestLintCommand.GetCommand(Environment).Parse(
            "lint a b --format sarif -o out.sarif --fail-on note -n shop --include x/** --include y/** --exclude z/** --enable image-not-pinned --disable host-users -q --complete --no-color --sarif-category cat".Split(' '));

        var invocation = LintCommand.ToInvocation(result);

        Assert.Equal(["a", "b"], invocation.Paths.ToArray());
        Assert.Equal(OutputFormat.Sarif, invocation.Format);
        Assert.Equal("out.sarif", invocation.OutputPath);
        Assert.Equal(FailOn.Note, invocation.FailOn);
        Assert.Equal("shop", invocation.Namespace);
        Assert.Equal(["x/**", "y/**"], invocation.Include.ToArray());
        Assert.Equal(["z/**"], invocation.Exclude.ToArray());
        Assert.Equal(["image-not-pinned"], invocation.Enable.ToArray());
        Assert.Equal(["host-users"], invocation.Disable.ToArray());
        Assert.True(invocation.Quiet);
        Assert.True(invocation.Complete);
        Assert.True(invocation.NoColor);
        Assert.False(invocation.ShowSuppressed);
        Assert.Equal("cat", invocation.SarifCategory);
    }

    [Fact]
    public void Lint_defaults_leave_configurable_settings_unset()
    {
        var result = ManifestLintCommand.GetCommand(Environment).Parse(["lint"]);

        var invocation = LintCommand.ToInvocation(result);

        Assert.Equal(["."], invocation.Paths.ToArray());
        Assert.Equal(OutputFormat.Text, invocation.Format);
        Assert.Null(invocation.FailOn);
        Assert.Null(invocation.Namespace);
        Assert.Null(invocation.ConfigPath);
        Assert.Empty(invocation.Include);
    }

    [Fact]
    public void Report_only_takes_the_files_pre_commit_passes_and_lints_the_whole_tree()
    {
        var result = ManifestLintCommand.GetCommand(Environment).Parse(["lint", "--quiet", "--report-only", "a.yaml", "b/c.yaml"]);

        var invocation = LintCommand.ToInvocation(result);

        Assert.Equal(["a.yaml", "b/c.yaml"], invocation.ReportOnly.ToArray());
        Assert.Equal(["."], invocation.Paths.ToArray());
    }

    [Theory]
    [InlineData("text", OutputFormat.Text)]
    [InlineData("json", OutputFormat.Json)]
    [InlineData("sarif", OutputFormat.Sarif)]
    [InlineData("github", OutputFormat.GitHub)]
    public void Every_format_name_maps_to_its_format(string name, OutputFormat expected)
    {
        var result = ManifestLintCommand.GetCommand(Environment).Parse(["lint", "--format", name]);

        Assert.Equal(expected, LintCommand.ToInvocation(result).Format);
    }
}
