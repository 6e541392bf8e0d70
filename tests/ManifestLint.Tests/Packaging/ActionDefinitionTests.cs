using System.Text.RegularExpressions;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Tests.Packaging;

/// <summary>The GitHub Action and the pre-commit hook definitions are consistent with themselves and with the scripts they run.</summary>
public sealed partial class ActionDefinitionTests
{
    private static string RepoRoot() => ManifestLint.Testing.RepositoryPaths.Root;

    private static (string Text, YamlMapping Root) Load(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), file));
        var result = YamlLoader.Load(new SourceFile(file, text));
        Assert.Empty(result.Problems);
        return (text, (YamlMapping)result.Documents[0].Root!);
    }

    [Fact]
    public void Every_declared_input_is_used_and_every_used_input_is_declared()
    {
        var (text, root) = Load("action.yml");
        var declared = root.GetMapping("inputs")!.Entries.Select(e => e.Key.Text).Order(StringComparer.Ordinal).ToList();
        var used = InputReference().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(declared, used);
        Assert.Equal(["args", "category", "config", "fail-on", "format", "path", "sarif-file", "upload-sarif", "values", "version"], declared);
    }

    [Fact]
    public void Outputs_come_from_a_step_that_exists_and_scripts_write_them()
    {
        var (_, root) = Load("action.yml");
        var steps = root.Find("runs", "steps") as YamlSequence;
        var ids = steps!.Mappings().Select(s => s.GetString("id")).Where(id => id is not null).ToHashSet();
        var lint = File.ReadAllText(Path.Combine(RepoRoot(), "action", "lint.sh"));
        foreach (var output in root.GetMapping("outputs")!.Entries)
        {
            var value = ((YamlMapping)output.Value).GetString("value")!;
            var m = StepOutput().Match(value);
            Assert.True(m.Success, value);
            Assert.Contains(m.Groups[1].Value, ids);
            Assert.Contains(m.Groups[2].Value + "=", lint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Action_is_composite_uploads_sarif_with_a_category_and_fails_after_the_upload()
    {
        var (_, root) = Load("action.yml");
        Assert.Equal("composite", root.Find("runs", "using")!.ToString());
        var steps = ((YamlSequence)root.Find("runs", "steps")!).Mappings().ToList();
        var upload = steps.FindIndex(s => s.GetString("uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        var fail = steps.FindIndex(s => s.GetString("run")?.Contains("fail.sh", StringComparison.Ordinal) == true);
        var setup = steps.FindIndex(s => s.GetString("uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.True(setup >= 0 && upload > setup && fail > upload, "setup-dotnet, then upload-sarif, then the failing step");
        Assert.Equal("${{ inputs.category }}", steps[upload].Find("with", "category")!.ToString());
        Assert.Contains("always()", steps[upload].GetString("if"), StringComparison.Ordinal);
        // Inputs reach scripts only through env, never spliced into `run:` (shell injection).
        Assert.All(steps.Where(s => s.GetString("run") is not null), s => Assert.DoesNotContain("${{", s.GetString("run"), StringComparison.Ordinal));
    }

    [Fact]
    public void Pre_commit_hook_builds_with_dotnet_and_reports_only_changed_files()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), ".pre-commit-hooks.yaml"));
        var result = YamlLoader.Load(new SourceFile(".pre-commit-hooks.yaml", text));
        Assert.Empty(result.Problems);
        var hook = Assert.Single(((YamlSequence)result.Documents[0].Root!).Mappings());
        Assert.Equal("manifestlint", hook.GetString("id"));
        Assert.Equal("dotnet", hook.GetString("language"));
        Assert.StartsWith("manifestlint lint", hook.GetString("entry"), StringComparison.Ordinal);
        Assert.Contains("--report-only", hook.GetString("entry"), StringComparison.Ordinal);
        Assert.Matches(hook.GetString("files")!, "charts/app/templates/deployment.yaml");
        Assert.Matches(hook.GetString("files")!, "charts/app/templates/_helpers.tpl");
    }

    [GeneratedRegex(@"inputs\.([a-z][a-z0-9-]*)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"^\$\{\{ steps\.([a-z-]+)\.outputs\.([a-z-]+) \}\}$")]
    private static partial Regex StepOutput();
}
