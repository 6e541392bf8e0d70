using ManifestLint.Core.Selectors;
using static ManifestLint.Core.Tests.Selectors.SelectorTestGraph;

namespace ManifestLint.Core.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Web = new(StringComparer.Ordinal) { ["app"] = "web", ["tier"] = "frontend" };

    [Theory]
    [InlineData("matchLabels: {app: web}", true)]
    [InlineData("matchLabels: {app: api}", false)]
    [InlineData("matchExpressions: [{key: tier, operator: In, values: [frontend, edge]}]", true)]
    [InlineData("matchExpressions: [{key: tier, operator: NotIn, values: [frontend]}]", false)]
    [InlineData("matchExpressions: [{key: canary, operator: NotIn, values: [yes]}]", true)]
    [InlineData("matchExpressions: [{key: app, operator: Exists}]", true)]
    [InlineData("matchExpressions: [{key: app, operator: DoesNotExist}]", false)]
    [InlineData("matchLabels: {app: web}\nmatchExpressions: [{key: canary, operator: Exists}]", false)]
    [InlineData("matchExpressions: [{key: app, operator: Matches, values: [web]}]", false)]
    [InlineData("{}", true)]
    public void Matches_follows_the_api_semantics(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Read(Mapping(selector))!.Matches(Web));

    [Fact]
    public void Absent_or_null_selector_reads_as_none()
    {
        Assert.Null(LabelSelector.Read(null));
        Assert.Null(LabelSelector.Read(Mapping("selector: null")["selector"]));
        Assert.True(LabelSelector.Read(Mapping("selector: {}")["selector"])!.IsEmpty);
    }

    [Fact]
    public void Select_pods_stays_in_the_namespace_and_applies_expressions_to_indexed_candidates()
    {
        var graph = Build(string.Join("\n---\n",
            Pod("web-1", "shop", "app: web, tier: frontend"),
            Pod("web-2", "shop", "app: web, tier: frontend, canary: \"true\""),
            Pod("api", "shop", "app: api"),
            Pod("web-other", "other", "app: web, tier: frontend")));
        var selector = LabelSelector.Read(Mapping("matchLabels: {app: web}\nmatchExpressions: [{key: canary, operator: DoesNotExist}]"))!;
        Assert.Equal(["web-1"], selector.SelectPods(graph, "shop").Select(p => p.Owner.Name));

        var onlyExpressions = LabelSelector.Read(Mapping("matchExpressions: [{key: tier, operator: NotIn, values: [frontend]}]"))!;
        Assert.Equal(["api"], onlyExpressions.SelectPods(graph, "shop").Select(p => p.Owner.Name));

        var empty = LabelSelector.Read(Mapping("{}"))!;
        Assert.Equal(["web-1", "web-2", "api"], empty.SelectPods(graph, "shop").Select(p => p.Owner.Name));
        Assert.Empty(empty.SelectPods(graph, "missing"));
    }

    [Fact]
    public void Conflicting_single_value_in_expressions_select_nothing()
    {
        var graph = Build(Pod("web", "shop", "app: web"));
        var selector = LabelSelector.Read(Mapping("matchLabels: {app: web}\nmatchExpressions: [{key: app, operator: In, values: [api]}]"))!;
        Assert.Empty(selector.SelectPods(graph, "shop"));
    }

    [Fact]
    public void Namespaces_outside_the_input_are_judged_on_their_name_label_only()
    {
        var graph = Build("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: monitoring, labels: {team: obs}}
            """);
        var byTeam = LabelSelector.Read(Mapping("matchLabels: {team: obs}"))!;
        var byName = LabelSelector.Read(Mapping("matchLabels: {kubernetes.io/metadata.name: kube-system}"))!;
        Assert.True(NamespaceLabels.MayMatch(graph, byTeam, "monitoring"));
        Assert.True(NamespaceLabels.MayMatch(graph, byTeam, "kube-system")); // unknown labels: benefit of the doubt
        Assert.False(NamespaceLabels.MayMatch(graph, LabelSelector.Read(Mapping("matchLabels: {team: web}"))!, "monitoring"));
        Assert.True(NamespaceLabels.MayMatch(graph, byName, "kube-system"));
        Assert.False(NamespaceLabels.MayMatch(graph, byName, "monitoring"));
    }
}
