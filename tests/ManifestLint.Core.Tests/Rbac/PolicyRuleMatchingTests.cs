using ManifestLint.Core.Rbac;

namespace ManifestLint.Core.Tests.Rbac;

/// <summary>RBAC's matching rules, as the Kubernetes RBAC documentation and API reference state them.</summary>
public sealed class PolicyRuleMatchingTests
{
    private static PolicyRuleView Rule(string ruleLine) =>
        DefaultClusterRoles.Parse("clusterrole t\n" + ruleLine + "\n").Roles[0].Rules[0];

    [Theory]
    [InlineData("rule verbs=get apiGroups= resources=pods", "get", "", "pods", "", true)]
    [InlineData("rule verbs=get apiGroups= resources=pods", "list", "", "pods", "", false)]
    [InlineData("rule verbs=* apiGroups= resources=pods", "delete", "", "pods", "", true)]
    [InlineData("rule verbs=get apiGroups=apps resources=deployments", "get", "", "deployments", "", false)]
    [InlineData("rule verbs=get apiGroups=* resources=deployments", "get", "apps", "deployments", "", true)]
    [InlineData("rule verbs=get apiGroups= resources=*", "get", "", "secrets", "", true)]
    [InlineData("rule verbs=create apiGroups= resources=*", "create", "", "pods", "exec", true)]
    [InlineData("rule verbs=create apiGroups= resources=pods", "create", "", "pods", "exec", false)]
    [InlineData("rule verbs=create apiGroups= resources=pods/exec", "create", "", "pods", "exec", true)]
    [InlineData("rule verbs=create apiGroups= resources=pods/exec", "create", "", "pods", "", false)]
    [InlineData("rule verbs=create apiGroups= resources=*/exec", "create", "", "pods", "exec", true)]
    [InlineData("rule verbs=update apiGroups=apps resources=*/scale", "update", "apps", "deployments", "scale", true)]
    [InlineData("rule verbs=update apiGroups=apps resources=*/scale", "update", "apps", "deployments", "", false)]
    [InlineData("rule verbs=create apiGroups= resources=pods/*", "create", "", "pods", "exec", false)]
    [InlineData("rule verbs=get apiGroups= resources=Pods", "get", "", "pods", "", false)]
    public void Resource_requests_match_as_kubernetes_decides(string rule, string verb, string group, string resource, string subresource, bool allowed) =>
        Assert.Equal(allowed, Rule(rule).Allows(verb, group, resource, subresource, null));

    [Fact]
    public void Resource_names_restrict_requests_to_those_objects()
    {
        var rule = Rule("rule verbs=get,list apiGroups= resources=configmaps resourceNames=app-config");
        Assert.True(rule.Allows("get", "", "configmaps", "", "app-config"));
        Assert.False(rule.Allows("get", "", "configmaps", "", "other"));
        Assert.False(rule.Allows("list", "", "configmaps", "", null)); // a list has no name, so a name-limited rule never allows it
        Assert.True(rule.AllowsSome("list", "", "configmaps"));
    }

    [Theory]
    [InlineData("/healthz", "/healthz", true)]
    [InlineData("/healthz", "/healthz/etcd", false)]
    [InlineData("/healthz/*", "/healthz/etcd", true)]
    [InlineData("/healthz/*", "/healthz", false)]
    [InlineData("/api*", "/apis/apps", true)]
    [InlineData("*", "/metrics", true)]
    public void Non_resource_urls_match_exactly_or_by_a_final_star(string pattern, string path, bool allowed) =>
        Assert.Equal(allowed, Rule($"rule verbs=get nonResourceURLs={pattern}").AllowsNonResource("get", path));

    [Fact]
    public void Only_all_three_wildcards_grant_everything()
    {
        Assert.True(Rule("rule verbs=* apiGroups=* resources=*").GrantsEverything);
        Assert.False(Rule("rule verbs=* apiGroups= resources=*").GrantsEverything);
        Assert.False(Rule("rule verbs=* apiGroups=* resources=* resourceNames=x").GrantsEverything);
    }

    [Fact]
    public void Service_account_user_names_parse_like_kubectl_as()
    {
        Assert.Equal(RbacSubject.ServiceAccount("app", "web"), RbacSubject.FromUserName("system:serviceaccount:app:web"));
        Assert.Equal(RbacSubject.User("alice"), RbacSubject.FromUserName("alice"));
        Assert.Equal(RbacSubject.User("system:serviceaccount:bad"), RbacSubject.FromUserName("system:serviceaccount:bad"));
        Assert.Equal<string>(["system:serviceaccounts", "system:serviceaccounts:app", "system:authenticated"], RbacSubject.ServiceAccount("app", "web").Groups);
        Assert.Equal<string>(["system:unauthenticated"], RbacSubject.User("system:anonymous").Groups);
    }
}
