using ManifestLint.Core.Rbac;

namespace ManifestLint.Core.Tests.Rbac;

/// <summary>The Roles Kubernetes creates in kube-system and kube-public resolve like the built-in ClusterRoles, in their own namespace only.</summary>
public sealed class DefaultNamespaceRolesTests
{
    [Fact]
    public void The_embedded_roles_parse_into_namespaced_roles()
    {
        var roles = DefaultClusterRoles.NamespaceRoles;
        Assert.Equal(7, roles.Length);
        Assert.All(roles, r => Assert.Equal("Role", r.Kind));
        var reader = Assert.Single(roles, r => r.Name == "extension-apiserver-authentication-reader");
        Assert.Equal("kube-system", reader.Namespace);
        var rule = Assert.Single(reader.Rules);
        Assert.True(rule.Allows("get", "", "configmaps", "", "extension-apiserver-authentication"));
        Assert.False(rule.Allows("get", "", "configmaps", "", "other"));
    }

    [Fact]
    public void A_role_binding_in_kube_system_resolves_the_built_in_role_and_one_elsewhere_does_not()
    {
        var graph = RbacTestGraph.From("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: auth-reader
              namespace: kube-system
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: extension-apiserver-authentication-reader
            subjects:
              - kind: ServiceAccount
                name: metrics-server
                namespace: monitoring
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: auth-reader
              namespace: monitoring
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: extension-apiserver-authentication-reader
            subjects:
              - kind: ServiceAccount
                name: metrics-server
            """);
        var rbac = graph.Rbac;
        var inKubeSystem = rbac.InputBindings.Single(b => b.Namespace == "kube-system");
        var role = rbac.RoleOf(inKubeSystem);
        Assert.NotNull(role);
        Assert.True(role.IsBuiltIn);
        Assert.Equal("built-in Role 'extension-apiserver-authentication-reader'", role.Describe());
        Assert.Null(rbac.RoleOf(rbac.InputBindings.Single(b => b.Namespace == "monitoring")));
    }
}
