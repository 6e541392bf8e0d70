using System.Text.Json;
using ManifestLint.Cli;
using ManifestLint.Commands;
using ManifestLint.Linting;
using ManifestLint.Rules;

namespace ManifestLint.Tests;

/// <summary>The commands other than lint's report, and the exit codes a user or a script relies on.</summary>
public class CommandTests
{
    [Fact]
    public void Version_prints_the_product_version()
    {
        var run = CliRun.Invoke("--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(LintPipeline.ToolVersion + "\n", run.Out);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    [Fact]
    public void Rules_lists_every_rule_and_reserved_id()
    {
        var run = CliRun.Invoke("rules");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("ID ", run.Out, StringComparison.Ordinal);
        foreach (var rule in BuiltInRules.All)
            Assert.Contains($"\n{rule.Info.Id} ", run.Out, StringComparison.Ordinal);
        Assert.Contains("\nyaml-syntax ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_as_markdown_is_a_table_row_per_id_linking_its_doc()
    {
        var run = CliRun.Invoke("rules", "--format", "markdown");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Equal("| Rule | Severity | Category | Default | Summary |", lines[0]);
        Assert.Equal("| --- | --- | --- | --- | --- |", lines[1]);
        var rows = lines.Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(RuleCatalog.BuiltIn.AllIds.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(6, r.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')));
        Assert.Contains("| [`privileged-container`](https://github.com/manifestlint/manifestlint/blob/main/rules/privileged-container.md) | error | pod-security | on |", run.Out, StringComparison.Ordinal);
        Assert.Contains("| [`yaml-syntax`]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_as_json_has_one_entry_per_id()
    {
        var run = CliRun.Invoke("rules", "--format", "json");

        using var doc = JsonDocument.Parse(run.Out);
        var ids = doc.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(RuleCatalog.BuiltIn.AllIds.Count, ids.Count);
        Assert.Equal(RuleCatalog.BuiltIn.AllIds.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Explain_prints_the_whole_rule()
    {
        var rule = BuiltInRules.All[0].Info;

        var run = CliRun.Invoke("explain", rule.Id);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith($"{rule.Id}: {rule.Summary}", run.Out, StringComparison.Ordinal);
        Assert.Contains(rule.Remediation, run.Out, StringComparison.Ordinal);
        Assert.Contains(rule.HelpUri, run.Out, StringComparison.Ordinal);
        Assert.Contains($"ignore-check.manifestlint.io/{rule.Id}: \"<why this does not apply>\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_an_unknown_id_exits_2_with_suggestions()
    {
        var run = CliRun.Invoke("explain", "privileged");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("unknown rule 'privileged'", run.Error, StringComparison.Ordinal);
        Assert.Contains("privileged-container", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lint", "testdata/e2e/app", "--enable", "no-such-rule")]
    [InlineData("lint", "testdata/e2e/app", "--disable", "yaml-syntax")]
    [InlineData("lint", "testdata/e2e/app", "--enable", "host-pid", "--disable", "host-pid")]
    [InlineData("lint", "testdata/e2e/does-not-exist")]
    [InlineData("lint", "testdata/e2e/app", "--config", "testdata/e2e/missing.yaml")]
    [InlineData("lint", "--format", "xml")]
    [InlineData("lint", "--no-such-option")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_2_with_a_message_on_stderr(params string[] args)
    {
        var run = CliRun.Invoke(args);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.NotEqual(string.Empty, run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "manifestlint: internal error: InvalidOperationException: boom (set MANIFESTLINT_DEBUG=1 for the stack trace; please report it)\n")]
    [InlineData("1", null)]
    public void Unexpected_exceptions_exit_3_with_one_line_unless_debugging(string? debug, string? expected)
    {
        using var error = new StringWriter { NewLine = "\n" };
        var variables = debug is null
            ? System.Collections.Immutable.ImmutableDictionary<string, string>.Empty
            : System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("MANIFESTLINT_DEBUG", debug);
        var environment = new CliEnvironment(TextWriter.Null, error, ".", variables, false);

        var exit = CommandGuard.Run(environment, () => throw new InvalidOperationException("boom"));

        Assert.Equal(ExitCodes.InternalError, exit);
        if (expected is not null)
            Assert.Equal(expected, error.ToString());
        else
            Assert.Contains("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_config_file_exits_2_naming_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-config-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, ".manifestlint.yaml"), "rules:\n  privileged-contaner:\n    enabled: false\n");
            File.WriteAllText(Path.Combine(dir.FullName, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");

            var run = CliRun.Invoke(["lint", "."], workingDirectory: dir.FullName);

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains(".manifestlint.yaml:2:3: unknown rule 'privileged-contaner'; did you mean 'privileged-container'?", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Repository_root_is_the_git_top_level_else_the_working_directory()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-root-");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(dir.FullName, "a", "b")).FullName;
            Assert.Equal(nested, LintSetup.FindRepositoryRoot(nested));

            Directory.CreateDirectory(Path.Combine(dir.FullName, ".git"));
            Assert.Equal(dir.FullName, LintSetup.FindRepositoryRoot(nested));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Colour_only_on_a_terminal_without_no_color()
    {
        var args = new[] { "lint", "testdata/e2e/app", "--fail-on", "none" };

        var terminal = CliRun.Invoke(args, terminal: true);
        var piped = CliRun.Invoke(args, terminal: false);
        var noColor = CliRun.Invoke(args, variables: new Dictionary<string, string> { ["NO_COLOR"] = "1" }, terminal: true);
        var flag = CliRun.Invoke([.. args, "--no-color"], terminal: true);

        Assert.Contains("\u001b[", terminal.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", piped.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", noColor.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", flag.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_docs_writes_a_doc_per_rule_and_the_index()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-docs-");
        try
        {
            var run = CliRun.Invoke("rules", "docs", "--out", dir.FullName);

            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            foreach (var rule in BuiltInRules.All)
                Assert.True(File.Exists(Path.Combine(dir.FullName, rule.Info.Id + ".md")), rule.Info.Id);
            foreach (var reserved in RuleCatalog.BuiltIn.Reserved)
                Assert.True(File.Exists(Path.Combine(dir.FullName, reserved.Id + ".md")), reserved.Id);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "README.md")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Explicit_namespace_and_paths_are_used()
    {
        var run = CliRun.Invoke("lint", "testdata/e2e/broken-yaml/api.yaml", "--namespace", "payments", "--format", "json", "--fail-on", "none");

        using var doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("testdata/e2e/broken-yaml/api.yaml", f.GetProperty("path").GetString()));
        Assert.Contains(findings, f => f.GetProperty("resource").GetProperty("key").GetString() == "payments/Deployment/api");
    }

    [Fact]
    public void Endless_include_recursion_is_one_short_finding_at_the_template_naming_both_ends()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-recursion-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "templates"));
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: loop\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(dir.FullName, "templates", "cm.yaml"), "{{ define \"t\" }}{{ include \"t\" . }}{{ end }}{{ include \"t\" . }}\n");

            var run = CliRun.Invoke(["lint", ".", "--format", "json"], workingDirectory: dir.FullName);

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Out);
            var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("helm-render", finding.GetProperty("ruleId").GetString());
            Assert.Equal("templates/cm.yaml", finding.GetProperty("path").GetString());
            var message = finding.GetProperty("message").GetString()!;
            Assert.InRange(message.Length, 1000, 1200);
            Assert.StartsWith("template: loop/templates/cm.yaml:1:", message, StringComparison.Ordinal);
            Assert.Contains("characters of nested calls left out", message, StringComparison.Ordinal);
            Assert.EndsWith("rendering template has a nested reference name: t: unable to execute template", message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Api_versions_from_the_flag_or_the_config_file_reach_a_charts_capabilities()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-apiversions-");
        try
        {
            var chart = Directory.CreateDirectory(Path.Combine(dir.FullName, "app", "templates")).Parent!.FullName;
            File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n");
            File.WriteAllText(
                Path.Combine(chart, "templates", "pdb.yaml"),
                "{{- if .Capabilities.APIVersions.Has \"policy/v1/PodDisruptionBudget\" }}\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: app\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: nothing\n{{- end }}\n");
            string[] Rules(CliRun run)
            {
                using var doc = JsonDocument.Parse(run.Out);
                return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!)];
            }

            // Kubernetes 1.20 has no policy/v1 PodDisruptionBudget, so only the added API version makes the template render it.
            var plain = CliRun.Invoke(["lint", ".", "--complete", "--format", "json", "--fail-on", "none", "--kube-version", "v1.20.0"], workingDirectory: dir.FullName);
            var flag = CliRun.Invoke(["lint", ".", "--complete", "--format", "json", "--fail-on", "none", "--kube-version", "v1.20.0", "--api-versions", "policy/v1/PodDisruptionBudget"], workingDirectory: dir.FullName);
            var target = CliRun.Invoke(["lint", ".", "--complete", "--format", "json", "--fail-on", "none"], workingDirectory: dir.FullName);
            File.WriteAllText(Path.Combine(dir.FullName, ".manifestlint.yaml"), "charts:\n  app:\n    apiVersions: [policy/v1/PodDisruptionBudget]\n");
            var config = CliRun.Invoke(["lint", ".", "--complete", "--format", "json", "--fail-on", "none", "--kube-version", "v1.20.0"], workingDirectory: dir.FullName);

            Assert.DoesNotContain("pdb-selects-no-pods", Rules(plain));
            Assert.Contains("pdb-selects-no-pods", Rules(target)); // the default target (1.36) serves it: its API set includes the kind
            Assert.Contains("pdb-selects-no-pods", Rules(flag));
            Assert.Contains("pdb-selects-no-pods", Rules(config));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Helm_version_from_the_flag_or_the_config_file_renders_charts_as_helm_4_1_or_4_2()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-helmversion-");
        try
        {
            var chart = Directory.CreateDirectory(Path.Combine(dir.FullName, "app", "templates")).Parent!.FullName;
            File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n");

            // Helm 4's .Chart is a map, so index works; Helm 3's is a struct, so it fails to render. A null default stays
            // in .Values in Helm 3 and 4 = 4.1 (v4.1.4), and is dropped in 4.2: the render fails unless it was dropped.
            File.WriteAllText(Path.Combine(chart, "values.yaml"), "gone: null\n");
            File.WriteAllText(Path.Combine(chart, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ index .Chart \"Name\" }}\n{{- if hasKey .Values \"gone\" }}{{ fail \"null kept\" }}{{ end }}\n");
            string[] Renders(CliRun run)
            {
                using var doc = JsonDocument.Parse(run.Out);
                return [.. doc.RootElement.GetProperty("findings").EnumerateArray()
                    .Where(f => f.GetProperty("ruleId").GetString() == "helm-render")
                    .Select(f => f.GetProperty("message").GetString()!.Contains("null kept", StringComparison.Ordinal) ? "null kept" : "other")];
            }

            string[] lint = ["lint", ".", "--format", "json", "--fail-on", "none"];
            CliRun Config(string helmVersion, params string[] args)
            {
                File.WriteAllText(Path.Combine(dir.FullName, ".manifestlint.yaml"), "charts:\n  app:\n    helmVersion: " + helmVersion + "\n");
                return CliRun.Invoke([.. lint, .. args], workingDirectory: dir.FullName);
            }

            const string rendered = "---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n";
            var plain = CliRun.Invoke(lint, workingDirectory: dir.FullName);
            var flag4 = CliRun.Invoke([.. lint, "--helm-version", "4"], workingDirectory: dir.FullName);
            var flag41 = CliRun.Invoke([.. lint, "--helm-version", "4.1"], workingDirectory: dir.FullName);
            var flag42 = CliRun.Invoke([.. lint, "--helm-version", "4.2"], workingDirectory: dir.FullName);
            var render41 = CliRun.Invoke(["render", "app", "--helm-version", "4.1"], workingDirectory: dir.FullName);
            var render42 = CliRun.Invoke(["render", "app", "--helm-version", "4.2"], workingDirectory: dir.FullName);
            var template42 = CliRun.Invoke(["helm", "template", "app", "--helm-version", "4.2"], workingDirectory: dir.FullName);
            var bad = CliRun.Invoke(["render", "app", "--helm-version", "4.3"], workingDirectory: dir.FullName);
            var badLint = CliRun.Invoke([.. lint, "--helm-version", "5"], workingDirectory: dir.FullName);

            // In the config file 4.2 is a YAML float and "4.1" a string: both are accepted; the command line wins.
            var config4 = Config("4");
            var config41 = Config("\"4.1\"");
            var config42 = Config("4.2");
            var config42String = Config("\"4.2\"");
            var flagWins = Config("4.2", "--helm-version", "4");
            var badConfig = Config("4.3");

            Assert.Equal(["other"], Renders(plain));
            Assert.Equal(["null kept"], Renders(flag4));
            Assert.Equal(["null kept"], Renders(flag41));
            Assert.Empty(Renders(flag42));
            Assert.Contains("null kept", render41.Error, StringComparison.Ordinal);
            Assert.Equal(rendered, render42.Out);
            Assert.Equal(rendered, template42.Out);
            Assert.Equal(["null kept"], Renders(config4));
            Assert.Equal(["null kept"], Renders(config41));
            Assert.Empty(Renders(config42));
            Assert.Empty(Renders(config42String));
            Assert.Equal(["null kept"], Renders(flagWins));
            Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
            Assert.Contains("--helm-version must be 3, 4, 4.1 or 4.2, not '4.3'", bad.Error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.UsageError, badLint.ExitCode);
            Assert.Contains("--helm-version must be 3, 4, 4.1 or 4.2, not '5'", badLint.Error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.UsageError, badConfig.ExitCode);
            Assert.Contains("helmVersion must be 3, 4, 4.1 or 4.2", badConfig.Error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
