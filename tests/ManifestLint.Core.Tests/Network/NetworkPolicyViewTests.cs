using ManifestLint.Core.Network;
using ManifestLint.Core.Tests.Selectors;

namespace ManifestLint.Core.Tests.Network;

public sealed class NetworkPolicyViewTests
{
    private static NetworkPolicyView Policy(string spec) =>
        NetworkPolicyView.Read(SelectorTestGraph.Build($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: p, namespace: shop}}\nspec:\n{spec}").Resources[0])!;

    [Theory]
    [InlineData("  podSelector: {}", true, false)]
    [InlineData("  podSelector: {}\n  egress: []", true, false)]
    [InlineData("  podSelector: {}\n  egress: [{}]", true, true)]
    [InlineData("  podSelector: {}\n  policyTypes: [Egress]", false, true)]
    [InlineData("  podSelector: {}\n  policyTypes: [Ingress]\n  egress: [{}]", true, false)]
    public void Policy_types_default_like_the_api(string spec, bool ingress, bool egress)
    {
        var p = Policy(spec);
        Assert.Equal(ingress, p.AppliesToIngress);
        Assert.Equal(egress, p.AppliesToEgress);
    }

    [Fact]
    public void Absent_pod_selector_selects_every_pod()
    {
        Assert.True(Policy("  policyTypes: [Ingress]").PodSelector.IsEmpty);
    }

    [Fact]
    public void Calico_network_policy_is_not_a_kubernetes_network_policy()
    {
        var graph = SelectorTestGraph.Build("apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: {selector: all()}");
        Assert.Null(NetworkPolicyView.Read(graph.Resources[0]));
        Assert.Single(NetworkPolicyIndex.Build(graph).OtherEnginePolicies("shop"));
    }

    [Theory]
    [InlineData("{port: 53, protocol: UDP}", "UDP", true)]
    [InlineData("{port: 53}", "UDP", false)]
    [InlineData("{port: 53}", "TCP", true)]
    [InlineData("{protocol: UDP}", "UDP", true)]
    [InlineData("{port: 1, endPort: 1024, protocol: TCP}", "TCP", true)]
    [InlineData("{port: 54, endPort: 1024}", "TCP", false)]
    [InlineData("{port: dns-tcp}", "TCP", true)]
    [InlineData("{port: http}", "TCP", false)]
    public void Ports_allow_by_number_range_or_name(string port, string protocol, bool expected)
    {
        var rule = Policy($"  podSelector: {{}}\n  egress: [{{ports: [{port}]}}]").Egress[0];
        Assert.Equal(expected, rule.Ports[0].Allows(protocol, 53, ["dns", "dns-tcp"]));
    }

    [Fact]
    public void Index_maps_policies_to_pods_both_ways()
    {
        var graph = SelectorTestGraph.Build(string.Join("\n---\n",
            SelectorTestGraph.Pod("web", "shop", "app: web"),
            SelectorTestGraph.Pod("api", "shop", "app: api"),
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec: {podSelector: {matchLabels: {app: web}}}",
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Egress]}"));
        var index = NetworkPolicyIndex.Build(graph);
        var web = graph.PodTemplates.Single(p => p.Owner.Name == "web");
        var api = graph.PodTemplates.Single(p => p.Owner.Name == "api");
        Assert.Equal(["web", "all"], index.Selecting(web).Select(p => p.Resource.Name));
        Assert.Equal(["all"], index.Selecting(api).Select(p => p.Resource.Name));
        Assert.Equal("all", index.DefaultDeny("shop", PolicyDirection.Egress)?.Resource.Name);
        Assert.Null(index.DefaultDeny("shop", PolicyDirection.Ingress));
    }
}
