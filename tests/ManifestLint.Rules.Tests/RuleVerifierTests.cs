using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests;

/// <summary>The harness must reject weak fixtures, or the fixture theory proves nothing.</summary>
public sealed class RuleVerifierTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: app
              image: nginx
        """;

    private static readonly Core.Rules.Rule Latest = RuleFixtures.Rule("latest-image-tag");

    [Fact]
    public void Markers_are_read_from_comments_with_several_ids_and_next_line_markers()
    {
        var file = new SourceFile("x.yaml", "a: 1 # expect: one, two\n# expect-next: three\nb: 2\n---\nc: 3 # not a marker\n");
        var markers = FixtureExpectations.Parse(YamlLoader.Load(file).Documents);
        Assert.Equal([(1, "one"), (1, "two"), (3, "three")], markers.Select(m => (m.Line, m.RuleId)));
    }

    [Fact]
    public void A_fires_fixture_without_markers_fails()
    {
        var v = RuleVerifier.Run(Latest, new SourceFile("fires-x.yaml", Pod));
        var problems = RuleVerifier.Check(v, fires: true);
        Assert.Contains("must carry at least one `# expect: <id>` marker", problems, StringComparison.Ordinal);
        Assert.Contains("unexpected finding", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silent_fixture_with_a_finding_fails_with_a_code_frame()
    {
        var v = RuleVerifier.Run(Latest, new SourceFile("silent-x.yaml", Pod));
        var problems = RuleVerifier.Check(v, fires: false);
        Assert.Contains("silent-x.yaml:8:14: warning latest-image-tag:", problems, StringComparison.Ordinal);
        Assert.Contains("  8 |       image: nginx\n", problems, StringComparison.Ordinal);
        Assert.Contains("    |              ^^^^^\n", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marker_on_the_wrong_line_reports_both_the_missing_and_the_unexpected_finding()
    {
        var text = Pod.Replace("- name: app", "- name: app # expect: latest-image-tag", StringComparison.Ordinal);
        var problems = RuleVerifier.Check(RuleVerifier.Run(Latest, new SourceFile("fires-x.yaml", text)), fires: true);
        Assert.Contains("missing finding:\nfires-x.yaml:7:1: expected latest-image-tag", problems, StringComparison.Ordinal);
        Assert.Contains("unexpected finding:\nfires-x.yaml:8:14:", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_for_other_rules_are_ignored_and_a_matching_fixture_passes()
    {
        var text = Pod.Replace("image: nginx", "image: nginx # expect: latest-image-tag, image-not-pinned", StringComparison.Ordinal);
        var v = RuleVerifier.Run(Latest, new SourceFile("fires-x.yaml", text));
        Assert.Equal("", RuleVerifier.Check(v, fires: true));
        Assert.Single(v.Expected);
    }

    [Fact]
    public void Invalid_yaml_in_a_fixture_fails()
    {
        var v = RuleVerifier.Run(Latest, new SourceFile("silent-x.yaml", "a: [1, 2\n"));
        Assert.Contains("input problem", RuleVerifier.Check(v, fires: false), StringComparison.Ordinal);
    }
}
