using ManifestLint.Testing;

namespace ManifestLint.Kustomize.Tests;

/// <summary>Each line of a built document knows the line that set it: base, patch, generator entry or kustomization field.</summary>
public class ProvenanceTests
{
    private static (BuiltDocument Document, int Line) Find(string root, string kind, string text)
    {
        var result = KustomizeBuilder.Build(root, RepositoryPaths.Root);
        Assert.True(result.Problems.IsEmpty, string.Join("\n", result.Problems));
        foreach (var doc in result.Documents)
        {
            var lines = doc.Text.Split('\n');
            if (!lines.Contains("kind: " + kind))
                continue;
            var index = Array.FindIndex(lines, l => l.Trim().TrimStart('-').Trim() == text);
            if (index >= 0)
                return (doc, index + 1);
        }

        throw new InvalidOperationException($"'{text}' not found in a {kind} of {root}");
    }

    private static NodeOrigin Origin(BuiltDocument doc, int line) => ((KustomizeSourceMap)doc.Map).OriginOfLine(line);

    [Fact]
    public void A_field_a_patch_adds_points_at_the_patch_with_the_base_as_related()
    {
        var (doc, line) = Find("testdata/kustomize/shop/overlays/dev", "Deployment", "privileged: true");
        var origin = Origin(doc, line);

        Assert.Equal(("testdata/kustomize/shop/overlays/dev/debug.yaml", 11), (origin.Span.Path, origin.Span.StartLine));
        Assert.Equal("testdata/kustomize/shop/base/deployment.yaml", origin.Base?.Path);
    }

    [Fact]
    public void A_field_a_patch_changes_keeps_the_base_line_it_overrode()
    {
        var (doc, line) = Find("testdata/kustomize/provenance/overlay", "Deployment", "allowPrivilegeEscalation: true");
        var origin = Origin(doc, line);

        Assert.Equal(("testdata/kustomize/provenance/overlay/escalate.yaml", 11), (origin.Span.Path, origin.Span.StartLine));
        Assert.Equal(("testdata/kustomize/provenance/base/deployment.yaml", 21), (origin.Base?.Path, origin.Base?.StartLine));
        Assert.Equal("base value set here", origin.BaseLabel);
    }

    [Fact]
    public void Generated_data_points_at_the_generator_entry()
    {
        var (doc, line) = Find("testdata/kustomize/shop/overlays/dev", "ConfigMap", "LOG_LEVEL: debug");
        var origin = Origin(doc, line);

        // The overlay's merge literal, over the base's literal.
        Assert.Equal(("testdata/kustomize/shop/overlays/dev/kustomization.yaml", 12), (origin.Span.Path, origin.Span.StartLine));
        Assert.Equal(("testdata/kustomize/shop/base/kustomization.yaml", 18), (origin.Base?.Path, origin.Base?.StartLine));
    }

    [Fact]
    public void An_env_file_entry_points_at_its_line()
    {
        var (doc, line) = Find("testdata/kustomize/features/generators", "ConfigMap", "MAX_ITEMS: \"50\"");

        Assert.Equal(("testdata/kustomize/features/generators/flags.env", 3), (Origin(doc, line).Span.Path, Origin(doc, line).Span.StartLine));
    }

    [Fact]
    public void An_inline_patch_points_at_its_line_in_the_kustomization()
    {
        var (doc, line) = Find("testdata/kustomize/shop/overlays/staging", "Deployment", "image: quay.io/example/exporter:0.9.1");
        var origin = Origin(doc, line);

        Assert.Equal("testdata/kustomize/shop/components/monitoring/kustomization.yaml", origin.Span.Path);
        var text = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, origin.Span.Path))[origin.Span.StartLine - 1];
        Assert.Contains("image: quay.io/example/exporter:0.9.1", text, StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("image", StringComparison.Ordinal) + 1, origin.Span.StartColumn);
    }

    [Fact]
    public void A_helm_chart_line_points_at_its_template_with_the_value_as_related()
    {
        var (doc, line) = Find("testdata/kustomize/features/helm-charts", "Deployment", "replicas: 2");
        var origin = Origin(doc, line);

        Assert.Equal(("testdata/kustomize/features/helm-charts/charts/hello/templates/deployment.yaml", 7), (origin.Span.Path, origin.Span.StartLine));
        Assert.Equal(("testdata/kustomize/features/helm-charts/kustomization.yaml", 11), (origin.Base?.Path, origin.Base?.StartLine));
    }

    [Fact]
    public void A_transformer_points_at_its_kustomization_field()
    {
        var (doc, line) = Find("testdata/kustomize/shop/overlays/prod", "Deployment", "replicas: 3");
        var origin = Origin(doc, line);

        Assert.Equal("testdata/kustomize/shop/overlays/prod/kustomization.yaml", origin.Span.Path);
        Assert.Equal(("testdata/kustomize/shop/base/deployment.yaml", 6), (origin.Base?.Path, origin.Base?.StartLine));
    }
}
