using System.Diagnostics;
using ManifestLint.Testing;
using Xunit.Abstractions;

namespace ManifestLint.Schemas.Tests;

public sealed class KubernetesApiTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_minor_from_1_16_to_1_36_is_embedded()
    {
        Assert.Equal(Enumerable.Range(16, 21), KubernetesApi.Embedded.Minors);
        foreach (var minor in KubernetesApi.Embedded.Minors)
        {
            var api = KubernetesApi.Embedded.ForMinor(minor)!;
            Assert.NotNull(api.FindKind("v1", "Pod")?.Schema);
            Assert.NotNull(api.Definition("io.k8s.api.core.v1.Container"));
        }
    }

    [Theory]
    [InlineData(16, "extensions/v1beta1", "Ingress", "ingresses", true)]
    [InlineData(25, "apps/v1", "Deployment", "deployments", true)]
    [InlineData(23, "batch/v1", "CronJob", "cronjobs", true)]
    [InlineData(36, "rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false)]
    [InlineData(36, "v1", "Namespace", "namespaces", false)]
    [InlineData(36, "networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true)]
    public void Kinds_carry_their_rest_resource_and_scope(int minor, string apiVersion, string kind, string plural, bool namespaced)
    {
        var info = KubernetesApi.Embedded.ForMinor(minor)!.FindKind(apiVersion, kind);
        Assert.NotNull(info);
        Assert.Equal(plural, info.Plural);
        Assert.Equal(namespaced, info.Namespaced);
    }

    [Fact]
    public void The_1_25_spec_with_short_definition_names_resolves_like_the_others()
    {
        var api = KubernetesApi.Embedded.ForMinor(25)!;
        var pod = api.FindKind("v1", "Pod")!.Schema!;
        var containers = pod.Properties["spec"].Resolved!.Properties["containers"];
        Assert.Equal(SchemaTag.Array, containers.Tag);
        Assert.Equal(["name"], containers.MapKeys.ToArray());
        Assert.Equal(SchemaTag.Enum, containers.Items!.Resolved!.Properties["imagePullPolicy"].Tag);
        Assert.Equal(SchemaTag.IntOrString, api.Definition("io.k8s.api.core.v1.HTTPGetAction")!.Properties["port"].Tag);
    }

    [Fact]
    public void Api_versions_are_the_group_versions_and_kinds_the_minor_serves()
    {
        var v120 = KubernetesApi.Embedded.ForMinor(20)!.ApiVersions;
        Assert.Contains("policy/v1beta1/PodDisruptionBudget", v120);
        Assert.DoesNotContain("policy/v1/PodDisruptionBudget", v120);
        var v136 = KubernetesApi.Embedded.ForMinor(36)!.ApiVersions;
        Assert.Contains("policy/v1", v136);
        Assert.Contains("v1/Pod", v136);
        Assert.DoesNotContain("extensions/v1beta1", v136);
    }

    [Theory]
    [InlineData("v1.30.2", 30)]
    [InlineData("1.22", 22)]
    [InlineData("v1.29.0-gke.100", 29)]
    [InlineData("v2.0.0", null)]
    [InlineData("banana", null)]
    public void Kube_versions_parse_to_their_minor(string text, int? minor) => Assert.Equal(minor, KubernetesApi.ParseMinor(text));

    [Fact]
    public void Versions_outside_the_embedded_range_use_the_nearest_minor()
    {
        Assert.Equal(16, KubernetesApi.Embedded.ForKubeVersion("v1.12.0")!.Minor);
        Assert.Equal(36, KubernetesApi.Embedded.ForKubeVersion("v1.40.0")!.Minor);
        Assert.Equal(36, KubernetesApi.Embedded.ForKubeVersion(null)!.Minor);
    }

    [Fact]
    public void Embedded_data_size_and_load_time_are_reported()
    {
        var file = new FileInfo(Path.Combine(RepositoryPaths.Root, "src", "ManifestLint.Schemas", "Data", "kubernetes-api.bin.gz"));
        var clock = Stopwatch.StartNew();
        using (var stream = file.OpenRead())
        {
            var api = KubernetesApi.Load(stream);
            var loaded = clock.Elapsed;
            var v = api.ForMinor(36)!;
            var indexed = clock.Elapsed;
            _ = v.FindKind("apps/v1", "Deployment")!.Schema!.Properties["spec"].Resolved;
            output.WriteLine($"embedded data {file.Length} bytes; {api.DefinitionCount} distinct definitions; decompress+index {loaded.TotalMilliseconds:F1} ms, one minor {(indexed - loaded).TotalMilliseconds:F1} ms, Deployment schema {(clock.Elapsed - indexed).TotalMilliseconds:F1} ms");
        }

        Assert.InRange(file.Length, 1, 15 * 1024 * 1024);
    }
}
