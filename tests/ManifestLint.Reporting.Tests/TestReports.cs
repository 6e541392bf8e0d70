using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Reporting.Tests;

/// <summary>Hand-built reports: findings with spans, optional subjects read through Core's loader, the rules they name.</summary>
internal static class TestReports
{
    public const string DeploymentPath = "deploy/app.yaml";

    public const string DeploymentYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:latest
                  securityContext:
                    privileged: true
        """;

    public static RuleInfo Privileged { get; } = new(
        "privileged-container", "Containers must not run privileged", Category.PodSecurity, Severity.Error,
        EnabledByDefault: true, Since: "0.1.0",
        Rationale: "A privileged container has every capability and full access to the host's devices.",
        Remediation: "Remove `privileged: true`; grant only the capability needed.",
        References: [new RuleReference("Pod Security Standards: Baseline", "https://kubernetes.io/docs/concepts/security/pod-security-standards/")]);

    public static RuleInfo LatestTag { get; } = new(
        "latest-image-tag", "Images must use a fixed tag", Category.Images, Severity.Warning,
        EnabledByDefault: true, Since: "0.1.0",
        Rationale: "A moving tag means the image that runs is not the one that was reviewed.",
        Remediation: "Pin the image to a version tag or a digest.",
        References: [], SecuritySeverity: 4.5, Tags: ["supply-chain"]);

    public static Resource Deployment(string path = DeploymentPath, string yaml = DeploymentYaml)
    {
        var file = new SourceFile(path, yaml);
        var loaded = YamlLoader.Load(file);
        return ResourceReader.Read(loaded.Documents[0], "default", new ResourceOrigin(path, 0), out _)[0];
    }

    public static Finding Finding(
        string ruleId, Severity severity, string message, SourceSpan span, Resource? subject = null,
        string? yamlPath = null, ImmutableArray<RelatedLocation> related = default, Suppression? suppression = null) =>
        new(ruleId, severity, message, span, subject, yamlPath, related.IsDefault ? [] : related, suppression);

    public static LintReport Report(
        IEnumerable<Finding> findings, IEnumerable<SourceFile>? sources = null, IEnumerable<RuleInfo>? rules = null,
        LintStatistics? statistics = null, string root = "/repo") =>
        new([.. findings],
            [.. (rules ?? [Privileged, LatestTag]).OrderBy(r => r.Id, StringComparer.Ordinal)],
            (sources ?? []).ToDictionary(s => s.Path, StringComparer.Ordinal),
            statistics ?? new LintStatistics(Files: 1, Charts: 0, Documents: 1, Resources: 1, SkippedDocuments: 0, TimeSpan.FromSeconds(1)),
            "0.1.0",
            root);

    /// <summary>A realistic report: a privileged container with a subject and a related location, a latest tag, a suppressed one, a YAML error.</summary>
    public static LintReport Typical()
    {
        var deployment = Deployment();
        var privileged = Finding(
            "privileged-container", Severity.Error, "Container 'app' runs privileged",
            new SourceSpan(DeploymentPath, 13, 25, 13, 29), deployment,
            "spec.template.spec.containers[0].securityContext.privileged",
            [new RelatedLocation(new SourceSpan("deploy/rbac.yaml", 4, 3, 4, 9), "Bound to this ServiceAccount")]);
        var latest = Finding(
            "latest-image-tag", Severity.Warning, "Image 'nginx:latest' uses the latest tag",
            new SourceSpan(DeploymentPath, 11, 18, 11, 30), deployment, "spec.template.spec.containers[0].image");
        var suppressed = Finding(
            "latest-image-tag", Severity.Warning, "Image 'busybox' has no tag",
            new SourceSpan("deploy/job.yaml", 9, 18, 9, 25), null, "spec.template.spec.containers[0].image",
            suppression: new Suppression(SuppressionKind.InSource, "Pinned by the mirror", new SourceSpan("deploy/job.yaml", 5, 5, 5, 60)));
        var syntax = Finding(
            "yaml-syntax", Severity.Error, "Expected a mapping value", new SourceSpan("broken.yaml", 3, 7, 3, 8));
        return Report(
            RuleRunner.Sort([privileged, latest, suppressed, syntax]),
            [new SourceFile(DeploymentPath, DeploymentYaml), new SourceFile("broken.yaml", "a: 1\nb: 2\nc: [d\n")],
            [Privileged, LatestTag, InputProblems.YamlSyntax],
            new LintStatistics(Files: 3, Charts: 0, Documents: 3, Resources: 2, SkippedDocuments: 0, TimeSpan.FromMilliseconds(12)));
    }

    public static string Render(IReporter reporter, LintReport report)
    {
        using var writer = new StringWriter();
        reporter.Write(report, writer);
        return writer.ToString();
    }
}
