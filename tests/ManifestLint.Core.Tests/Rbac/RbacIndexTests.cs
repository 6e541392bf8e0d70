using ManifestLint.Core.Rbac;

namespace ManifestLint.Core.Tests.Rbac;

public sealed class RbacIndexTests
{
    private static readonly RbacSubject Web = RbacSubject.ServiceAccount("app", "web");

    private const string ReaderClusterRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: secret-reader
        rules:
          - apiGroups: [""]
            resources: ["secrets"]
            verbs: ["get", "list"]
        """;

    [Fact]
    public void A_role_binding_to_a_cluster_role_grants_only_in_its_namespace()
    {
        var graph = RbacTestGraph.From(ReaderClusterRole + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: read-secrets
              namespace: app
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: secret-reader
            subjects:
              - kind: ServiceAccount
                name: web
            """);
        var rbac = graph.Rbac;
        var grants = rbac.Can(Web, "get", "", "secrets", "", "app");
        var grant = Assert.Single(grants);
        Assert.Equal("read-secrets", grant.Binding.Name);
        Assert.Equal(6, grant.Rule.Node!.Span.StartLine);
        Assert.True(grant.Binding.Subjects[0].NamespaceDefaulted);
        Assert.Empty(rbac.Can(Web, "get", "", "secrets", "", "other"));
        Assert.Empty(rbac.Can(Web, "delete", "", "secrets", "", "app"));
    }

    [Fact]
    public void A_cluster_role_binding_grants_in_every_namespace_and_for_cluster_scoped_requests()
    {
        var graph = RbacTestGraph.From(ReaderClusterRole + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: read-secrets
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: secret-reader
            subjects:
              - kind: ServiceAccount
                name: web
                namespace: app
            """);
        Assert.Single(graph.Rbac.Can(Web, "list", "", "secrets", "", "kube-system"));
        Assert.Single(graph.Rbac.Can(Web, "list", "", "secrets", "", null));
    }

    [Fact]
    public void A_service_account_bound_in_another_namespace_gets_rights_there_only()
    {
        var graph = RbacTestGraph.From("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: deployer
              namespace: prod
            rules:
              - apiGroups: ["apps"]
                resources: ["deployments"]
                verbs: ["update"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: ci-deploys
              namespace: prod
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: deployer
            subjects:
              - kind: ServiceAccount
                name: ci
                namespace: tools
            """);
        var ci = RbacSubject.ServiceAccount("tools", "ci");
        Assert.Single(graph.Rbac.Can(ci, "update", "apps", "deployments", "", "prod"));
        Assert.Empty(graph.Rbac.Can(ci, "update", "apps", "deployments", "", "tools"));
        Assert.Empty(graph.Rbac.Can(RbacSubject.ServiceAccount("prod", "ci"), "update", "apps", "deployments", "", "prod"));
    }

    [Fact]
    public void Group_subjects_reach_service_accounts_by_namespace_and_every_authenticated_user()
    {
        var graph = RbacTestGraph.From(ReaderClusterRole + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: all-sas
              namespace: app
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: secret-reader
            subjects:
              - kind: Group
                name: system:serviceaccounts:app
            """);
        Assert.Single(graph.Rbac.Can(Web, "get", "", "secrets", "", "app"));
        Assert.Empty(graph.Rbac.Can(RbacSubject.ServiceAccount("other", "web"), "get", "", "secrets", "", "app"));
        Assert.Empty(graph.Rbac.Can(RbacSubject.User("alice"), "get", "", "secrets", "", "app"));

        // Kubernetes' own system:basic-user binding reaches every authenticated user.
        Assert.NotEmpty(graph.Rbac.Can(RbacSubject.User("alice"), "create", "authorization.k8s.io", "selfsubjectaccessreviews", "", null));
    }

    [Fact]
    public void A_binding_to_built_in_edit_resolves_to_its_aggregated_rules()
    {
        var graph = RbacTestGraph.From("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: web-edit
              namespace: app
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: edit
            subjects:
              - kind: ServiceAccount
                name: web
                namespace: app
            """);
        var rbac = graph.Rbac;
        var edit = rbac.FindClusterRole("edit")!;
        Assert.True(edit.IsBuiltIn);
        var grant = Assert.Single(rbac.Can(Web, "create", "", "pods", "exec", "app"));
        Assert.Equal("system:aggregate-to-edit", grant.Rule.Role.Name);
        Assert.NotEmpty(rbac.Can(Web, "get", "apps", "deployments", "", "app")); // from view, aggregated into edit
        Assert.Empty(rbac.Can(Web, "create", "rbac.authorization.k8s.io", "roles", "", "app")); // admin only
        Assert.Contains(rbac.AggregatedFrom(rbac.FindClusterRole("admin")!), r => r.Name == "edit");
    }

    [Fact]
    public void A_chart_cluster_role_labelled_aggregate_to_edit_extends_edit_and_admin()
    {
        var graph = RbacTestGraph.From("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: widgets-edit
              labels:
                rbac.authorization.k8s.io/aggregate-to-edit: "true"
            rules:
              - apiGroups: ["example.com"]
                resources: ["widgets"]
                verbs: ["create"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: admins
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: admin
            subjects:
              - kind: User
                name: alice
            """);
        var rbac = graph.Rbac;
        var grant = Assert.Single(rbac.Can(RbacSubject.User("alice"), "create", "example.com", "widgets", "", "app"));
        Assert.Equal("widgets-edit", grant.Rule.Role.Name);
        Assert.Equal("admin", grant.Role.Name);
        var widgets = rbac.InputRoles.Single();
        Assert.Equal(["admin", "edit"], rbac.AggregatesInto(widgets).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Aggregation_selectors_support_match_expressions_and_replace_the_roles_own_rules()
    {
        var graph = RbacTestGraph.From("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: monitoring
            aggregationRule:
              clusterRoleSelectors:
                - matchExpressions:
                    - key: example.com/aggregate-to-monitoring
                      operator: In
                      values: ["true", "yes"]
                    - key: example.com/deprecated
                      operator: DoesNotExist
            rules:
              - apiGroups: [""]
                resources: ["nodes"]
                verbs: ["delete"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: pods-reader
              labels:
                example.com/aggregate-to-monitoring: "yes"
            rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: old-reader
              labels:
                example.com/aggregate-to-monitoring: "true"
                example.com/deprecated: "true"
            rules:
              - apiGroups: [""]
                resources: ["secrets"]
                verbs: ["get"]
            """);
        var rbac = graph.Rbac;
        var monitoring = rbac.FindClusterRole("monitoring")!;
        var rules = rbac.EffectiveRules(monitoring);
        var rule = Assert.Single(rules);
        Assert.Equal("pods-reader", rule.Role.Name);
    }

    [Fact]
    public void An_input_role_with_a_built_in_name_replaces_the_built_in_one()
    {
        var graph = RbacTestGraph.From("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: view
            rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get"]
            """);
        var view = graph.Rbac.FindClusterRole("view")!;
        Assert.False(view.IsBuiltIn);
        Assert.Single(graph.Rbac.EffectiveRules(view));
        Assert.DoesNotContain(graph.Rbac.BuiltInRoles, r => r.Name == "view");
    }

    [Fact]
    public void Unresolvable_references_resolve_to_nothing()
    {
        var graph = RbacTestGraph.From("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: to-a-role
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: view
            subjects:
              - kind: ServiceAccount
                name: web
            """);
        var binding = graph.Rbac.InputBindings.Single();
        Assert.Null(graph.Rbac.RoleOf(binding)); // a ClusterRoleBinding cannot refer to a Role
        Assert.Null(binding.Subjects[0].Subject); // nor name a ServiceAccount without a namespace
    }

    [Fact]
    public void Non_resource_urls_are_granted_only_through_cluster_role_bindings()
    {
        const string Role = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: metrics
            rules:
              - nonResourceURLs: ["/metrics"]
                verbs: ["get"]
            ---
            """;
        var viaRoleBinding = RbacTestGraph.From(Role + """

            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: m
              namespace: app
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics}
            subjects: [{kind: ServiceAccount, name: web}]
            """);
        Assert.Empty(viaRoleBinding.Rbac.CanNonResource(Web, "get", "/metrics"));
        var viaClusterBinding = RbacTestGraph.From(Role + """

            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: m
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics}
            subjects: [{kind: ServiceAccount, name: web, namespace: app}]
            """);
        Assert.Single(viaClusterBinding.Rbac.CanNonResource(Web, "get", "/metrics"));
    }

    [Fact]
    public void Who_lists_every_subject_with_the_granting_chain()
    {
        var graph = RbacTestGraph.From(ReaderClusterRole + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: readers
              namespace: app
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
            subjects:
              - {kind: ServiceAccount, name: web}
              - {kind: Group, name: auditors}
            """);
        var who = graph.Rbac.Who("get", "", "secrets", "", "app");
        Assert.Contains(who, a => a.Subject.Subject == Web && a.Grant.Binding.Name == "readers");
        Assert.Contains(who, a => a.Subject.Subject == RbacSubject.Group("auditors"));
        Assert.Contains(who, a => a.Subject.Subject == RbacSubject.Group("system:masters")); // built-in cluster-admin binding
        Assert.DoesNotContain(graph.Rbac.Who("get", "", "secrets", "", "other"), a => a.Grant.Binding.Name == "readers");
    }

    [Fact]
    public void Effective_permissions_per_namespace_combine_cluster_and_namespace_bindings()
    {
        var graph = RbacTestGraph.From(ReaderClusterRole + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: read-secrets
              namespace: app
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
            subjects: [{kind: ServiceAccount, name: web}]
            """);
        var inApp = graph.Rbac.GrantsIn(Web, "app", includeBuiltInBindings: false).ToList();
        Assert.Equal("read-secrets", Assert.Single(inApp).Binding.Name);
        Assert.Empty(graph.Rbac.GrantsIn(Web, "other", includeBuiltInBindings: false));
        Assert.Empty(graph.Rbac.GrantsIn(Web, null, includeBuiltInBindings: false));
        Assert.Contains(graph.Rbac.GrantsIn(Web, "other"), g => g.Binding.Name == "system:basic-user");
    }

    [Fact]
    public void The_index_is_built_once_per_graph_even_under_concurrent_use()
    {
        var graph = RbacTestGraph.From(ReaderClusterRole);
        var seen = new RbacIndex[8];
        Parallel.For(0, seen.Length, i => seen[i] = graph.Rbac);
        Assert.All(seen, s => Assert.Same(seen[0], s));
    }
}
