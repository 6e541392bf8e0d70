using System.Text;
using ManifestLint.Testing;
using Snapshooter;
using Snapshooter.Xunit;

namespace ManifestLint.Rules.Tests;

/// <summary>
/// One snapshot per rule of every finding over its fires-* fixtures, rendered as code frames: a change of
/// message, severity or position shows up as a reviewable diff.
/// </summary>
public sealed class RuleSnapshotTests
{
    [Theory]
    [MemberData(nameof(RuleFixtures.RuleIds), MemberType = typeof(RuleFixtures))]
    public void Findings_on_fires_fixtures_match_snapshot(string ruleId)
    {
        var rule = RuleFixtures.Rule(ruleId);
        var files = RuleFixtures.Of(ruleId, "fires-").ToList();
        Assert.True(files.Count > 0, $"{ruleId} has no fires-* fixture to snapshot");
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var verification = RuleVerifier.Run(rule, file);
            foreach (var finding in verification.Findings)
                text.Append(CodeFrame.Render(verification.File, finding)).Append('\n');
        }

        Snapshot.Match(text.ToString(), SnapshotNameExtension.Create(ruleId));
    }

    [Fact]
    public void Every_rule_snapshot_belongs_to_a_rule()
    {
        const string Prefix = "RuleSnapshotTests.Findings_on_fires_fixtures_match_snapshot_";
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Rules.Tests", "__snapshots__");
        var ids = BuiltInRules.All.Select(r => r.Info.Id).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.EnumerateFiles(folder, Prefix + "*.snap")
            .Select(f => Path.GetFileNameWithoutExtension(f)[Prefix.Length..])
            .Where(id => !ids.Contains(id))
            .ToList();
        Assert.Empty(orphans);
    }
}
