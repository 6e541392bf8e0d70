using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests;

/// <summary>One theory for every fixture of every rule: fires-* files match their markers, silent-* files get nothing.</summary>
public sealed class RuleFixtureTests
{
    [Theory]
    [MemberData(nameof(RuleFixtures.All), MemberType = typeof(RuleFixtures))]
    public void Fixture_findings_match_markers(string ruleId, string fixture)
    {
        var name = Path.GetFileName(fixture);
        Assert.True(name.StartsWith("fires-", StringComparison.Ordinal) || name.StartsWith("silent-", StringComparison.Ordinal),
            $"{fixture}: fixture names start with fires- or silent-");
        RuleVerifier.Verify(RuleFixtures.Rule(ruleId), RuleFixtures.FullPath(fixture));
    }
}
