namespace ManifestLint.Schemas.Tests;

/// <summary>The reconciled lifecycle table against the Kubernetes deprecated API migration guide.</summary>
public sealed class ApiLifecycleTests
{
    [Theory]
    [InlineData("extensions", "v1beta1", "Ingress", 22, "networking.k8s.io/v1")]
    [InlineData("networking.k8s.io", "v1beta1", "Ingress", 22, "networking.k8s.io/v1")]
    [InlineData("extensions", "v1beta1", "Deployment", 16, "apps/v1")]
    [InlineData("batch", "v1beta1", "CronJob", 25, "batch/v1")]
    [InlineData("policy", "v1beta1", "PodDisruptionBudget", 25, "policy/v1")]
    [InlineData("policy", "v1beta1", "PodSecurityPolicy", 25, null)]
    [InlineData("autoscaling", "v2beta2", "HorizontalPodAutoscaler", 26, "autoscaling/v2")]
    [InlineData("flowcontrol.apiserver.k8s.io", "v1beta1", "FlowSchema", 26, "flowcontrol.apiserver.k8s.io/v1beta3")] // the guide, not pluto's 1.29
    [InlineData("flowcontrol.apiserver.k8s.io", "v1beta2", "FlowSchema", 29, "flowcontrol.apiserver.k8s.io/v1beta3")]
    [InlineData("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfiguration", 32, "flowcontrol.apiserver.k8s.io/v1")]
    [InlineData("storage.k8s.io", "v1beta1", "CSIStorageCapacity", 27, "storage.k8s.io/v1")]
    public void Removals_match_the_migration_guide(string group, string version, string kind, int removed, string? replacement)
    {
        var entry = ApiLifecycle.Embedded.Find(group, version, kind);
        Assert.NotNull(entry);
        Assert.Equal(removed, entry.Removed);
        Assert.Equal(replacement, entry.Replacement);
    }

    [Fact]
    public void Current_apis_are_neither_deprecated_nor_removed()
    {
        var deployment = ApiLifecycle.Embedded.Find("apps", "v1", "Deployment")!;
        Assert.Null(deployment.Removed);
        Assert.Null(deployment.Deprecated);
        Assert.Equal(16, deployment.Introduced);
    }

    [Fact]
    public void Every_kind_served_by_a_minor_is_in_the_table_and_not_removed_there()
    {
        foreach (var minor in KubernetesApi.Embedded.Minors)
        {
            foreach (var kind in KubernetesApi.Embedded.ForMinor(minor)!.Kinds)
            {
                var entry = ApiLifecycle.Embedded.Find(kind.Group, kind.Version, kind.Kind);
                Assert.True(entry is not null, $"{kind} of 1.{minor} is not in the lifecycle table");
                Assert.True(entry.Introduced <= minor, $"{kind}: introduced {entry.Introduced} after 1.{minor} serves it");
                // The 1.16 removals (the guide's v1.16 section) are the one place the all-enabled 1.16 spec still lists removed types.
                Assert.True(entry.Removed is null || entry.Removed > minor || entry.Removed == 16, $"{kind}: removed in {entry.Removed} but 1.{minor} serves it");
            }
        }
    }
}
