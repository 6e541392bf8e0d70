using System.Collections.Immutable;
using ManifestLint.Core.Baselines;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests;

public sealed class BaselineTests
{
    private static Resource Pod(string path, string name)
    {
        var doc = YamlLoader.Load(new SourceFile(path, $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  hostNetwork: true\n")).Documents[0];
        return ResourceReader.Read(doc, "default", new ResourceOrigin(path, 0), out _)[0];
    }

    private static Finding At(string path, int line, string name = "web", string rule = "host-network") =>
        new(rule, Severity.Error, $"Pod '{name}' uses the host network", new SourceSpan(path, line, 16, line, 20), Pod(path, name), "spec.hostNetwork", []);

    [Fact]
    public void Fingerprints_ignore_line_moves_but_not_files()
    {
        Assert.Equal(At("a.yaml", 6).Fingerprint, At("a.yaml", 40).Fingerprint);
        Assert.NotEqual(At("a.yaml", 6).Fingerprint, At("b.yaml", 6).Fingerprint);
        Assert.NotEqual(At("a.yaml", 6).Fingerprint, At("a.yaml", 6, name: "api").Fingerprint);
    }

    [Fact]
    public void Round_trip_and_compare_reports_new_unchanged_and_absent()
    {
        var old = Baseline.From([At("a.yaml", 6), At("gone.yaml", 3)]);
        var json = old.ToJson();
        var parsed = Baseline.Parse(json, ".manifestlint-baseline.json");
        Assert.Equal(old.Entries.ToArray(), parsed.Entries.ToArray());

        // The known finding moved down 30 lines; a new one appeared in another file; gone.yaml was fixed.
        var cmp = parsed.Compare([At("a.yaml", 36), At("b.yaml", 6)], "base.json");
        Assert.True(cmp.Findings.Single(f => f.Span.Path == "a.yaml").IsSuppressed);
        Assert.Equal(SuppressionKind.External, cmp.Findings.Single(f => f.Span.Path == "a.yaml").Suppression!.Kind);
        Assert.False(cmp.Findings.Single(f => f.Span.Path == "b.yaml").IsSuppressed);
        Assert.Equal(1, cmp.NewCount);
        Assert.Equal("gone.yaml", Assert.Single(cmp.Absent).Path);
    }

    [Fact]
    public void A_second_copy_of_an_accepted_finding_is_new()
    {
        var baseline = Baseline.From([At("a.yaml", 6)]);
        var cmp = baseline.Compare([At("a.yaml", 6), At("a.yaml", 6)], "b.json");
        Assert.Equal(1, cmp.Findings.Count(f => f.IsSuppressed));
        Assert.Equal(1, cmp.NewCount);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"findings\": [{\"ruleId\": \"x\"}]}")]
    [InlineData("{\"findings\": [")]
    public void Bad_files_are_clear_errors(string json)
    {
        var e = Assert.Throws<BaselineFormatException>(() => Baseline.Parse(json, "base.json"));
        Assert.StartsWith("base.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_sorted_and_stable()
    {
        var a = Baseline.From([At("b.yaml", 1), At("a.yaml", 2)]).ToJson();
        var b = Baseline.From([At("a.yaml", 2), At("b.yaml", 1)]).ToJson();
        Assert.Equal(a, b);
        Assert.True(a.IndexOf("a.yaml", StringComparison.Ordinal) < a.IndexOf("b.yaml", StringComparison.Ordinal));
        _ = ImmutableArray<Finding>.Empty;
    }
}
