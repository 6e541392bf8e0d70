using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Tests.Network;

/// <summary>
/// Absence rules judge only namespaces the input owns, unless the user says the input is complete; the fixtures
/// cover the first half, these tests the second.
/// </summary>
public sealed class CompleteInputTests
{
    private const string ChartWithoutNamespace = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: payments}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              serviceAccountName: api
              containers:
                - name: api
                  image: registry.example.com/api:3.0.0
                  envFrom: [{secretRef: {name: api-secrets}}]
        """;

    private static List<Finding> Run(string ruleId, bool complete)
    {
        var file = new SourceFile("chart.yaml", ChartWithoutNamespace);
        var resources = new List<Resource>();
        foreach (var d in YamlLoader.Load(file).Documents)
            resources.AddRange(ResourceReader.Read(d, "default", new ResourceOrigin(file.Path, d.Index), out _));
        var rule = BuiltInRules.All.Single(r => r.Info.Id == ruleId);
        return [.. RuleRunner.Run(ResourceGraph.Build(resources, new GraphOptions(complete)), [(rule, rule.DefaultOptions)], maxDegreeOfParallelism: 1)];
    }

    [Theory]
    [InlineData("namespace-without-default-deny", 2)]
    [InlineData("pod-not-selected-by-network-policy", 2)] // one per direction
    [InlineData("missing-service-account", 1)]
    [InlineData("missing-configmap-or-secret", 1)]
    public void Absence_is_judged_in_unowned_namespaces_only_when_the_input_is_complete(string ruleId, int whenComplete)
    {
        Assert.Empty(Run(ruleId, complete: false));
        var findings = Run(ruleId, complete: true);
        Assert.Equal(whenComplete, findings.Count);
        Assert.All(findings, f => Assert.Equal("payments/Deployment/api", f.Subject!.Key.ToString()));
    }
}
