using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.PodSecurity;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests.PodSecurity;

/// <summary>Pods for the evaluator tests, read the way the product reads them (loader, reader, pod template view).</summary>
internal static class PodSecurityTestPods
{
    /// <summary>A Linux pod that passes Restricted at every policy version.</summary>
    public const string Compliant = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: team
        spec:
          containers:
          - name: app
            image: registry.example/app:1.0
            securityContext:
              allowPrivilegeEscalation: false
              runAsNonRoot: true
              seccompProfile:
                type: RuntimeDefault
              capabilities:
                drop:
                - ALL
        """;

    /// <summary><see cref="Compliant"/> with extra lines placed right after <c>spec:</c> (indent them by two spaces).</summary>
    public static string WithPodFields(string lines) =>
        Compliant.Replace("spec:\n", "spec:\n" + lines.TrimEnd('\n') + "\n", StringComparison.Ordinal);

    /// <summary><see cref="Compliant"/> with extra lines at the end of the container's security context (indent by six spaces).</summary>
    public static string WithContainerSecurity(string lines) => Compliant + "\n" + lines.TrimEnd('\n');

    /// <summary><see cref="Compliant"/> with extra lines in the container (indent by four spaces).</summary>
    public static string WithContainerFields(string lines) =>
        Compliant.Replace("    image: registry.example/app:1.0\n", "    image: registry.example/app:1.0\n" + lines.TrimEnd('\n') + "\n", StringComparison.Ordinal);

    public static PodTemplateView Read(string yaml)
    {
        var loaded = YamlLoader.Load(new SourceFile("pod.yaml", yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"));
        Assert.Empty(loaded.Problems);
        var resource = ResourceReader.Read(loaded.Documents[0], "default", new ResourceOrigin("pod.yaml", 0), out _).Single();
        return PodTemplates.Find(resource) ?? throw new InvalidOperationException("not a pod");
    }

    public static ImmutableArray<PodSecurityViolation> Evaluate(string yaml, PodSecurityLevel level, string version)
    {
        Assert.True(PolicyVersion.TryParse(version, out var v), version);
        return PodSecurityEvaluator.Evaluate(Read(yaml), level, v);
    }

    public static Resource ReadResource(string yaml)
    {
        var loaded = YamlLoader.Load(new SourceFile("ns.yaml", yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"));
        Assert.Empty(loaded.Problems);
        return ResourceReader.Read(loaded.Documents[0], "default", new ResourceOrigin("ns.yaml", 0), out _).Single();
    }
}
