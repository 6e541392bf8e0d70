using ManifestLint.Core.PodSecurity;

namespace ManifestLint.Core.Tests.PodSecurity;

public sealed class NamespacePodSecurityTests
{
    [Theory]
    [InlineData("latest", true, "latest")]
    [InlineData("v1.0", true, "v1.0")]
    [InlineData("v1.29", true, "v1.29")]
    [InlineData("v1.029", false, "latest")]
    [InlineData("1.29", false, "latest")]
    [InlineData("v2.0", false, "latest")]
    [InlineData("v1.", false, "latest")]
    [InlineData("v1.29.1", false, "latest")]
    [InlineData("Latest", false, "latest")]
    [InlineData("", false, "latest")]
    public void Policy_versions_parse_like_pod_security_admission(string text, bool valid, string evaluated)
    {
        Assert.Equal(valid, PolicyVersion.TryParse(text, out var version));
        Assert.Equal(evaluated, version.ToString());
    }

    [Fact]
    public void Latest_includes_every_control_and_a_pinned_version_only_older_ones()
    {
        Assert.True(PolicyVersion.Latest.Includes(99));
        Assert.True(PolicyVersion.V1(25).Includes(25));
        Assert.False(PolicyVersion.V1(24).Includes(25));
    }

    [Fact]
    public void Reads_each_mode_with_its_label_nodes()
    {
        var ns = PodSecurityTestPods.ReadResource("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team
              labels:
                pod-security.kubernetes.io/enforce: baseline
                pod-security.kubernetes.io/enforce-version: v1.29
                pod-security.kubernetes.io/warn: restricted
            """);
        var security = NamespacePodSecurity.Read(ns);
        Assert.NotNull(security.Enforce);
        Assert.Equal(PodSecurityLevel.Baseline, security.Enforce.Level);
        Assert.Equal("baseline:v1.29", security.Enforce.Describe());
        Assert.Equal(6, security.Enforce.LevelNode!.Span.StartLine);
        Assert.Equal(7, security.Enforce.VersionNode!.Span.StartLine);
        Assert.Equal("restricted:latest", security.Warn!.Describe());
        Assert.Null(security.Audit);
        Assert.Equal([PodSecurityMode.Enforce, PodSecurityMode.Warn], security.Policies.Select(p => p.Mode));
    }

    [Fact]
    public void Invalid_enforce_level_fails_closed_and_invalid_warn_level_fails_open()
    {
        var ns = PodSecurityTestPods.ReadResource("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team
              labels:
                pod-security.kubernetes.io/enforce: Baseline
                pod-security.kubernetes.io/warn: strict
                pod-security.kubernetes.io/audit: baseline
                pod-security.kubernetes.io/audit-version: "1.25"
            """);
        var security = NamespacePodSecurity.Read(ns);
        Assert.Equal(PodSecurityLevel.Restricted, security.Enforce!.Level);
        Assert.NotNull(security.Enforce.Problem);
        Assert.Equal(PodSecurityLevel.Privileged, security.Warn!.Level);
        Assert.Equal("baseline:latest", security.Audit!.Describe());
        Assert.Contains("'1.25'", security.Audit.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_without_labels_has_no_policy()
    {
        var security = NamespacePodSecurity.Read(PodSecurityTestPods.ReadResource("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team"));
        Assert.Null(security.Enforce);
        Assert.Empty(security.Policies);
    }
}
