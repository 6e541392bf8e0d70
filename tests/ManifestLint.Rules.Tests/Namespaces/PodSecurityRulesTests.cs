using System.Collections.Immutable;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Namespaces;

namespace ManifestLint.Rules.Tests.Namespaces;

/// <summary>The run options fixtures cannot express: an assumed level for namespaces not in the input, and complete input.</summary>
public sealed class PodSecurityRulesTests
{
    private const string PrivilegedPodElsewhere = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: tool
          namespace: tools
        spec:
          hostNetwork: true
          containers:
          - name: tool
            image: registry.example/tool:1.0
        """;

    [Fact]
    public void Assumed_level_applies_to_namespaces_not_in_the_input()
    {
        Assert.Empty(Run(new PodSecurityAdmission(), PrivilegedPodElsewhere, GraphOptions.Default));

        var baseline = Run(new PodSecurityAdmission(), PrivilegedPodElsewhere, new GraphOptions { AssumedPodSecurityLevel = "baseline" });
        var finding = Assert.Single(baseline);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("spec.hostNetwork", finding.YamlPath);
        Assert.Contains("namespace 'tools' is assumed to enforce baseline:latest", finding.Message, StringComparison.Ordinal);
        Assert.Empty(finding.Related);

        var restricted = Run(new PodSecurityAdmission(), PrivilegedPodElsewhere, new GraphOptions { AssumedPodSecurityLevel = "restricted" });
        Assert.Equal(5, restricted.Length);
    }

    [Fact]
    public void Namespace_in_the_input_wins_over_the_assumed_level()
    {
        var yaml = PrivilegedPodElsewhere + "\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n  labels:\n    pod-security.kubernetes.io/enforce: privileged";
        Assert.Empty(Run(new PodSecurityAdmission(), yaml, new GraphOptions { AssumedPodSecurityLevel = "restricted" }));
    }

    [Fact]
    public void Warn_and_audit_violations_are_warnings_with_the_label_as_related_location()
    {
        var yaml = PrivilegedPodElsewhere + "\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n  labels:\n    pod-security.kubernetes.io/warn: baseline";
        var finding = Assert.Single(Run(new PodSecurityAdmission(), yaml, GraphOptions.Default));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("warns at baseline:latest", finding.Message, StringComparison.Ordinal);
        var related = Assert.Single(finding.Related);
        Assert.Equal(17, related.Span.StartLine);
    }

    [Fact]
    public void Complete_input_reports_namespaces_used_but_not_defined()
    {
        var rule = new NamespaceWithoutPodSecurity();
        Assert.Empty(Run(rule, PrivilegedPodElsewhere, GraphOptions.Default));

        var finding = Assert.Single(Run(rule, PrivilegedPodElsewhere, new GraphOptions(Complete: true)));
        Assert.Equal("metadata.namespace", finding.YamlPath);
        Assert.Contains("Namespace 'tools'", finding.Message, StringComparison.Ordinal);

        Assert.Empty(Run(rule, PrivilegedPodElsewhere, new GraphOptions(Complete: true) { AssumedPodSecurityLevel = "baseline" }));
    }

    private static ImmutableArray<Finding> Run(Rule rule, string yaml, GraphOptions options)
    {
        var file = new SourceFile("input.yaml", yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        var loaded = YamlLoader.Load(file);
        Assert.Empty(loaded.Problems);
        var resources = new List<Resource>();
        foreach (var document in loaded.Documents)
            resources.AddRange(ResourceReader.Read(document, "default", new ResourceOrigin(file.Path, document.Index), out _));
        return RuleRunner.Run(ResourceGraph.Build(resources, options), [(rule, rule.DefaultOptions)], maxDegreeOfParallelism: 1);
    }
}
