namespace ManifestLint.Kustomize.Tests;

/// <summary>Small pieces of kustomize's semantics, checked against values the real kustomize v5.7.1 produced.</summary>
public class SemanticsTests
{
    [Theory]
    [InlineData("010", 8L)]
    [InlineData("1_000", 1000L)]
    [InlineData("0x10", 16L)]
    [InlineData("-7", -7L)]
    public void Plain_integers_resolve_as_yaml_v3_does(string text, long expected) =>
        Assert.Equal(expected, KYaml.Resolve(text));

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("on", "on")]
    [InlineData("2020-01-01", "2020-01-01T00:00:00Z")]
    [InlineData("1.2.3", "1.2.3")]
    public void Plain_strings_and_timestamps_resolve_as_yaml_v3_does(string text, string expected) =>
        Assert.Equal(expected, KYaml.Resolve(text));

    [Fact]
    public void Booleans_and_nulls_resolve_as_yaml_v3_does()
    {
        Assert.Equal(true, KYaml.Resolve("True"));
        Assert.Null(KYaml.Resolve("~"));
        Assert.Equal(0.5, KYaml.Resolve(".5"));
    }

    [Theory]
    [InlineData("nginx", "nginx", null, null)]
    [InlineData("nginx:1.25", "nginx", "1.25", null)]
    [InlineData("localhost:5000/app:v1", "localhost:5000/app", "v1", null)]
    [InlineData("localhost:5000/app", "localhost:5000/app", null, null)]
    [InlineData("app@sha256:abc", "app", null, "sha256:abc")]
    public void Images_split_into_name_tag_and_digest(string image, string name, string? tag, string? digest) =>
        Assert.Equal((name, tag, digest), KustomizeBuilder.SplitImage(image));

    [Theory]
    [InlineData("tier=web", true)]
    [InlineData("tier!=web", false)]
    [InlineData("tier in (api,web)", true)]
    [InlineData("tier notin (api,web)", false)]
    [InlineData("legacy", false)]
    [InlineData("!legacy,tier", true)]
    public void Label_selectors_match_as_kubernetes_does(string selector, bool expected)
    {
        var labels = new KMap();
        labels.Set("tier", "web", null);
        Assert.Equal(expected, ResourceSelector.Selects(selector, labels));
    }

    [Fact]
    public void Replacement_field_paths_keep_dots_inside_brackets() =>
        Assert.Equal(["spec", "nodeSelector", "[topology.kubernetes.io/region]"], Replacements.Parse("spec.nodeSelector.[topology.kubernetes.io/region]"));
}
