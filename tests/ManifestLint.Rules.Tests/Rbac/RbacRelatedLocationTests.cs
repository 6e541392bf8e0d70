using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests.Rbac;

/// <summary>RBAC findings carry the other ends of the graph edge: the binding, and the role rule (or, for a built-in role, a note on the binding).</summary>
public sealed class RbacRelatedLocationTests
{
    [Fact]
    public void Powerful_service_account_points_at_the_binding_and_the_rule_item()
    {
        var finding = Assert.Single(Run("powerful-service-account-mounted", "fires-group-and-default-account.yaml"));
        Assert.Equal(2, finding.Related.Length);
        Assert.Equal(28, finding.Related[0].Span.StartLine); // roleRef.name of the ClusterRoleBinding
        Assert.Contains("ClusterRoleBinding 'jobs-read-secrets' binds ClusterRole 'secret-reader' to Group 'system:serviceaccounts:jobs'", finding.Related[0].Message, StringComparison.Ordinal);
        Assert.Equal(18, finding.Related[1].Span.StartLine); // the "secrets" item
        Assert.Contains("ClusterRole 'secret-reader' rules[0] allows read access to Secrets", finding.Related[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_role_is_named_on_the_bindings_role_ref()
    {
        var finding = Assert.Single(Run("powerful-service-account-mounted", "fires-built-in-edit.yaml"));
        var rule = finding.Related[1];
        Assert.Equal(finding.Related[0].Span, rule.Span);
        Assert.Contains("built-in ClusterRole 'system:aggregate-to-edit'", rule.Message, StringComparison.Ordinal);
        Assert.Contains("built in to Kubernetes; no file", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_access_is_an_error_cluster_wide_and_a_warning_in_one_namespace()
    {
        Assert.Equal(Severity.Error, Assert.Single(Run("rbac-secrets-access", "fires-cluster-wide.yaml")).Severity);
        Assert.All(Run("rbac-secrets-access", "fires-role-binding-to-cluster-role.yaml"), f => Assert.Equal(Severity.Warning, f.Severity));
        var clusterWide = Assert.Single(Run("rbac-secrets-access", "fires-cluster-wide.yaml"));
        Assert.Contains("binds it to Group 'system:serviceaccounts:monitoring'", Assert.Single(clusterWide.Related).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partial_input_keeps_missing_service_account_quiet_unless_complete()
    {
        var rule = RuleFixtures.Rule("rbac-binding-to-missing-service-account");
        var path = RuleFixtures.FullPath("testdata/rules/rbac-binding-to-missing-service-account/silent-partial-input.yaml");
        var file = new SourceFile(RepositoryPaths.Relative(path), File.ReadAllText(path));
        var loaded = Core.Yaml.YamlLoader.Load(file);
        var resources = loaded.Documents.SelectMany(d => Core.Model.ResourceReader.Read(d, "default", new Core.Model.ResourceOrigin(file.Path, d.Index), out _));
        var complete = Core.Graph.ResourceGraph.Build(resources, new Core.Graph.GraphOptions(Complete: true));
        var finding = Assert.Single(RuleRunner.Run(complete, [(rule, rule.DefaultOptions)]));
        Assert.Contains("'monitoring/prometheus'", finding.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Finding> Run(string id, string fixture) =>
        RuleVerifier.Run(RuleFixtures.Rule(id), RuleFixtures.FullPath($"testdata/rules/{id}/{fixture}")).Findings;
}
