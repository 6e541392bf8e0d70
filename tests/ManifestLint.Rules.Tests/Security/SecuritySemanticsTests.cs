using ManifestLint.Core.Rules;
using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests.Security;

/// <summary>The security semantics peer tools' users expect: what counts as cluster-admin, system bindings, isolation per direction.</summary>
public sealed class SecuritySemanticsTests
{
    [Fact]
    public void A_role_listing_every_standard_verb_on_everything_is_cluster_admin_and_system_bindings_are_notes()
    {
        var findings = Run("cluster-admin-binding", "fires-listed-verbs.yaml");
        Assert.Equal(2, findings.Count);
        var listed = findings.Single(f => f.Message.Contains("platform-admin", StringComparison.Ordinal));
        Assert.Equal(Severity.Error, listed.Severity);
        Assert.Contains("cluster-admin in all but name", listed.Message, StringComparison.Ordinal);
        var system = findings.Single(f => f.Message.Contains("system:masters-admin", StringComparison.Ordinal));
        Assert.Equal(Severity.Note, system.Severity);
        Assert.Contains("binding of Kubernetes' own", system.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_missing_network_policy_direction_is_its_own_finding()
    {
        var findings = Run("pod-not-selected-by-network-policy", "fires-unselected-workloads.yaml");
        var web = Assert.Single(findings, f => f.Message.Contains("'web'", StringComparison.Ordinal));
        Assert.Contains("only by NetworkPolicies for Ingress ('frontend'), so its Egress traffic is not restricted", web.Message, StringComparison.Ordinal);
        var worker = findings.Where(f => f.Message.Contains("'worker'", StringComparison.Ordinal)).Select(f => f.Message).ToList();
        Assert.Equal(2, worker.Count);
        Assert.Contains(worker, m => m.EndsWith("for Ingress", StringComparison.Ordinal));
        Assert.Contains(worker, m => m.EndsWith("for Egress", StringComparison.Ordinal));
    }

    private static IReadOnlyList<Finding> Run(string id, string fixture) =>
        RuleVerifier.Run(RuleFixtures.Rule(id), RuleFixtures.FullPath($"testdata/rules/{id}/{fixture}")).Findings;
}
