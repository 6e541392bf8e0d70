using ManifestLint.Core.Rbac;
using ManifestLint.Testing;

namespace ManifestLint.Core.Tests.Rbac;

public sealed class DefaultClusterRolesTests
{
    private static string EmbeddedPath => Path.Combine(RepositoryPaths.Root, "src", "ManifestLint.Core", "Rbac", "DefaultClusterRoles.txt");

    [SharedRbacFact]
    public void Embedded_roles_match_a_regeneration_from_the_kubernetes_data()
    {
        var generated = DefaultClusterRolesGenerator.Generate(SharedRbacFactAttribute.Folder);
        if (Environment.GetEnvironmentVariable("MANIFESTLINT_UPDATE_RBAC") == "1")
            File.WriteAllText(EmbeddedPath, generated);
        Assert.True(generated == DefaultClusterRoles.ReadEmbedded(),
            "src/ManifestLint.Core/Rbac/DefaultClusterRoles.txt is stale: rerun this test with MANIFESTLINT_UPDATE_RBAC=1 and rebuild");
    }

    [Fact]
    public void Embedded_file_names_its_source_and_licence()
    {
        var text = DefaultClusterRoles.ReadEmbedded();
        Assert.Contains("kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml at commit 025f2834a128798cef30018a5e6a6ae82b5ad885", text, StringComparison.Ordinal);
        Assert.Contains("Apache-2.0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_admin_grants_everything_and_every_non_resource_url()
    {
        var admin = DefaultClusterRoles.Roles.Single(r => r.Name == "cluster-admin");
        Assert.True(admin.IsBuiltIn);
        Assert.Contains(admin.Rules, r => r.GrantsEverything);
        Assert.Contains(admin.Rules, r => r.AllowsNonResource("get", "/metrics"));
    }

    [Fact]
    public void Edit_view_and_admin_are_aggregated_roles()
    {
        foreach (var name in new[] { "admin", "edit", "view" })
        {
            var role = DefaultClusterRoles.Roles.Single(r => r.Name == name);
            Assert.True(role.HasAggregationRule, name);
            Assert.Empty(role.Rules);
        }

        Assert.Equal("true", DefaultClusterRoles.Roles.Single(r => r.Name == "edit").Labels["rbac.authorization.k8s.io/aggregate-to-admin"]);
    }

    [Fact]
    public void Basic_user_is_bound_to_every_authenticated_user()
    {
        var binding = DefaultClusterRoles.Bindings.Single(b => b.Name == "system:basic-user");
        Assert.Equal("system:basic-user", binding.RoleRef.Name);
        Assert.Contains(binding.Subjects, s => s.Subject == RbacSubject.Group("system:authenticated"));
    }

    [Fact]
    public void Parser_rejects_an_unknown_line()
    {
        var e = Assert.Throws<FormatException>(() => DefaultClusterRoles.Parse("clusterrole x\nbogus line\n"));
        Assert.Contains(":2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Core_group_is_an_empty_entry()
    {
        var (roles, _) = DefaultClusterRoles.Parse("clusterrole r\nrule verbs=get apiGroups=,apps resources=pods\n");
        var rule = roles[0].Rules[0];
        Assert.Equal(["", "apps"], rule.ApiGroups.Select(g => g.Text));
        Assert.True(rule.Allows("get", "", "pods", "", null));
        Assert.Empty(rule.NonResourceUrls);
    }
}
