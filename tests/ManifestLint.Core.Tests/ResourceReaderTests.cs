using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests;

public sealed class ResourceReaderTests
{
    private static List<Resource> Read(string text, out int skipped)
    {
        var load = YamlLoader.Load(new SourceFile("r.yaml", text));
        var list = new List<Resource>();
        skipped = 0;
        foreach (var d in load.Documents)
        {
            list.AddRange(ResourceReader.Read(d, "team-a", new ResourceOrigin("r.yaml", d.Index), out var s));
            skipped += s;
        }

        return list;
    }

    [Fact]
    public void Namespaces_default_only_for_namespaced_kinds()
    {
        var rs = Read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: other}\n", out _);
        Assert.Equal("team-a/ConfigMap/a", rs[0].Key.ToString());
        Assert.True(rs[0].NamespaceDefaulted);
        Assert.Null(rs[1].Namespace);
        Assert.Equal("rbac.authorization.k8s.io", rs[1].Group);
        Assert.Equal("other", rs[2].Namespace);
        Assert.False(rs[2].NamespaceDefaulted);
    }

    [Fact]
    public void Lists_are_flattened_and_non_kubernetes_documents_counted()
    {
        var rs = Read("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n---\nname: chart-values\nreplicas: 3\n", out var skipped);
        Assert.Equal(["a", "b"], rs.Select(r => r.Name));
        Assert.Equal(1, skipped);
    }

    [Theory]
    [InlineData("apps/v1", "Deployment", "spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers: [{name: c, image: i}]\n")]
    [InlineData("batch/v1", "CronJob", "spec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: x}}\n        spec:\n          containers: [{name: c, image: i}]\n")]
    [InlineData("v1", "Pod", "spec:\n  containers: [{name: c, image: i}]\n")]
    [InlineData("argoproj.io/v1alpha1", "Rollout", "spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers: [{name: c, image: i}]\n")]
    public void Pod_templates_are_found_in_every_workload_kind(string apiVersion, string kind, string spec)
    {
        var rs = Read($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: w\n  labels: {{app: x}}\n{spec}", out _);
        var graph = ResourceGraph.Build(rs);
        var pod = Assert.Single(graph.PodTemplates);
        Assert.Equal("c", Assert.Single(pod.AllContainers).Name);
        Assert.Equal("x", pod.Labels["app"]);
    }

    [Fact]
    public void Label_index_selects_pods_in_the_same_namespace_only()
    {
        var rs = Read(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: web, tier: fe}}\nspec: {containers: [{name: c}]}\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: other, labels: {app: web}}\nspec: {containers: [{name: c}]}\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: c, labels: {app: api}}\nspec: {containers: [{name: c}]}\n",
            out _);
        var graph = ResourceGraph.Build(rs);
        var matched = graph.PodsMatching("team-a", new Dictionary<string, string> { ["app"] = "web" }).Select(p => p.Owner.Name);
        Assert.Equal(["a"], matched);
        Assert.Empty(graph.PodsMatching("team-a", new Dictionary<string, string> { ["app"] = "web", ["tier"] = "be" }));
        Assert.Equal(2, graph.PodsMatching("team-a", new Dictionary<string, string>()).Count());
    }
}
