using ManifestLint.Core.Rules;
using ManifestLint.Rules.Docs;
using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests;

/// <summary>The migration pages are generated from rule metadata, and every peer check they list is mapped to a rule or explained.</summary>
public sealed class MigrationDocsTests
{
    [Fact]
    public void Migration_docs_are_current()
    {
        foreach (var (name, content) in MigrationDocs.Generate(BuiltInRules.All))
        {
            var path = Path.Combine(RepositoryPaths.Root, "docs", name);
            Assert.True(File.Exists(path), $"{path} is missing: run `manifestlint rules docs --out rules --migration-out docs`");
            Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == content, $"{path} is stale: run `manifestlint rules docs --out rules --migration-out docs`");
        }
    }

    [Fact]
    public void Every_listed_peer_check_maps_to_one_rule_or_says_why_not()
    {
        var mapped = BuiltInRules.All.SelectMany(r => (r.Info.PeerChecks.IsDefault ? [] : r.Info.PeerChecks).Select(p => (Check: p, Rule: r.Info.Id))).ToList();
        Assert.All(mapped, m => Assert.Contains(m.Check.Tool, MigrationDocs.Tools));
        Assert.All(mapped, m => Assert.False(string.IsNullOrWhiteSpace(m.Check.Id), $"{m.Rule} lists an empty {m.Check.Tool} check"));
        var duplicates = mapped.GroupBy(m => m.Check).Where(g => g.Count() > 1).Select(g => $"{g.Key.Tool} {g.Key.Id}: {string.Join(", ", g.Select(m => m.Rule))}").ToList();
        Assert.True(duplicates.Count == 0, $"peer checks mapped to more than one rule: {string.Join("; ", duplicates)}");

        var rules = BuiltInRules.All.Select(r => r.Info.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(mapped, m => Assert.Contains(m.Rule, rules));
        foreach (var (check, why) in MigrationDocs.NotCovered)
        {
            Assert.DoesNotContain(mapped, m => m.Check == check);
            Assert.False(string.IsNullOrWhiteSpace(why), $"{check.Tool} {check.Id} is listed as not covered without a reason");
        }

        Assert.All(MigrationDocs.Tools, tool => Assert.Contains(mapped, m => m.Check.Tool == tool));
    }

    [Fact]
    public void Each_page_lists_every_mapped_check_of_its_tool()
    {
        var docs = MigrationDocs.Generate(BuiltInRules.All);
        foreach (var rule in BuiltInRules.All)
        {
            foreach (var check in rule.Info.PeerChecks.IsDefault ? [] : rule.Info.PeerChecks)
                Assert.Contains($"| `{check.Id}` | [`{rule.Info.Id}`]", docs[$"migrating-from-{check.Tool}.md"], StringComparison.Ordinal);
        }
    }
}
