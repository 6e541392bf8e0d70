using System.Text;
using ManifestLint.Rules.Docs;
using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests;

/// <summary>
/// <c>rules/*.md</c> is generated from the registry and the fixtures. The test regenerates it in memory and
/// fails when the files differ; with <c>MANIFESTLINT_UPDATE_DOCS=1</c> it rewrites them instead.
/// </summary>
public sealed class RuleDocsTests
{
    private const string Stale = "rules/ docs are stale: run `dotnet run --project src/ManifestLint -- rules docs --out rules/`";

    [Fact]
    public void Rule_docs_are_current()
    {
        var generated = RuleDocs.Generate(BuiltInRules.All, RuleDocs.Reserved, RepositoryPaths.RuleFixtures);
        var folder = RepositoryPaths.RuleDocs;
        var onDisk = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];

        if (Environment.GetEnvironmentVariable("MANIFESTLINT_UPDATE_DOCS") == "1")
        {
            RuleDocs.WriteTo(generated, folder);
            return;
        }

        var differences = new StringBuilder();
        foreach (var (name, content) in generated)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
                differences.Append($"missing: rules/{name}\n");
            else if (File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) != content)
                differences.Append($"out of date: rules/{name}\n");
        }

        foreach (var extra in onDisk.Where(n => !generated.ContainsKey(n)).Order(StringComparer.Ordinal))
            differences.Append($"not a rule: rules/{extra}\n");

        Assert.True(differences.Length == 0, $"{Stale}\n{differences}");
    }

    [Fact]
    public void Every_reserved_id_has_a_page_that_says_it_is_always_on_including_internal_error()
    {
        var generated = RuleDocs.Generate(BuiltInRules.All, RuleDocs.Reserved, RepositoryPaths.RuleFixtures);

        Assert.Contains(RuleDocs.Reserved, r => r.Id == Core.Rules.InputProblems.InternalError.Id);
        foreach (var info in RuleDocs.Reserved)
        {
            var page = generated[$"{info.Id}.md"];
            Assert.StartsWith($"# {info.Id}\n", page, StringComparison.Ordinal);
            // The admission id is always on too, but its checks and severities come from the input's policies and bindings.
            Assert.Contains(info.Category == Core.Rules.Category.Admission ? "## Severity and scope" : "## Always on", page, StringComparison.Ordinal);
            Assert.DoesNotContain("--disable " + info.Id, page, StringComparison.Ordinal);
            Assert.Contains($"| [{info.Id}]({info.Id}.md) |", generated[RuleDocs.IndexFileName], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Doc_renders_markers_as_plain_comments_and_requires_a_reason_to_suppress()
    {
        var info = RuleFixtures.Rule("latest-image-tag").Info;
        var doc = RuleDocWriter.Write(info, "image: nginx  # expect: latest-image-tag, image-not-pinned\n", "image: nginx:1.27\n");
        Assert.StartsWith("# latest-image-tag\n", doc, StringComparison.Ordinal);
        Assert.Contains("image: nginx  # flagged by latest-image-tag\n", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("expect:", doc, StringComparison.Ordinal);
        Assert.Contains("ignore-check.manifestlint.io/latest-image-tag: \"<why this is acceptable here>\"", doc, StringComparison.Ordinal);
        Assert.Contains("## Not flagged example", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_docs_show_no_fixture_markers()
    {
        var generated = RuleDocs.Generate(BuiltInRules.All, RepositoryPaths.RuleFixtures);
        Assert.All(generated, d => Assert.DoesNotContain("# expect", d.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Writing_docs_replaces_changed_files_and_removes_docs_of_rules_that_are_gone()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"manifestlint-docs-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "old-rule.md"), "# old-rule\n");
            File.WriteAllText(Path.Combine(folder, "same.md"), "same\n");
            var changed = RuleDocs.WriteTo(new Dictionary<string, string> { ["same.md"] = "same\n", ["new.md"] = "new\n" }, folder);
            Assert.Equal(["new.md", "old-rule.md"], changed);
            Assert.Equal(["new.md", "same.md"], Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Index_links_every_rule()
    {
        var index = RuleDocWriter.WriteIndex(BuiltInRules.All.Select(r => r.Info));
        Assert.All(BuiltInRules.All, r => Assert.Contains($"| [{r.Info.Id}]({r.Info.Id}.md) |", index, StringComparison.Ordinal));
    }
}
