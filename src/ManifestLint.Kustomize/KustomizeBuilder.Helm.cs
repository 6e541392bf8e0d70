using System.Collections.Immutable;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Helm;
using ManifestLint.Templates.Encoding;

namespace ManifestLint.Kustomize;

/// <summary>
/// <c>helmCharts</c> with a chart in the kustomization's chart home (<c>charts/&lt;name&gt;</c>), rendered by our own Helm
/// renderer as <c>helm template</c> would render it for kustomize; each node keeps its template (and values) line.
/// Charts from a repository are never pulled.
/// </summary>
public sealed partial class KustomizeBuilder
{
    private void InflateCharts(KustomizationFile k, List<KResource> resources)
    {
        var chartHome = k.Root.GetMapping("helmGlobals")?.GetString("chartHome") ?? "charts";
        foreach (var h in Mappings(k, "helmCharts"))
        {
            var name = h.GetString("name") ?? throw new KustomizeException(h.Span, "a helmCharts entry needs a 'name'");
            var chartDir = Path.GetFullPath(Path.Combine(k.FullDirectory, chartHome, name));
            if (!File.Exists(Path.Combine(chartDir, "Chart.yaml")))
            {
                var at = h.GetKey("repo")?.Span ?? h.Span;
                throw h.GetString("repo") is { Length: > 0 } repo
                    ? new KustomizeException(at, $"chart '{name}' from '{repo}' is not pulled (ManifestLint builds offline); vendor it into '{chartHome}/{name}'")
                    : new KustomizeException(h.Span, $"chart '{name}' not found in '{chartHome}/{name}'");
            }

            foreach (var key in new[] { "valuesMerge", "additionalValuesFiles", "nameTemplate", "skipHooks", "apiVersions", "kubeVersion" })
            {
                if (h.GetKey(key) is { } unsupported)
                    throw new KustomizeException(unsupported.Span, $"helmCharts '{key}' is not supported by this offline build", unsupported: true);
            }

            var chartRel = Relative(chartDir);
            _filesRead.Add(chartRel + "/Chart.yaml");
            foreach (var file in Directory.EnumerateFiles(chartDir, "*", SearchOption.AllDirectories))
                _filesRead.Add(Relative(file));
            var values = ImmutableArray.CreateBuilder<ValuesFile>();
            if (h.GetScalar("valuesFile") is { IsNull: false } vf)
            {
                var full = Path.GetFullPath(Path.Combine(k.FullDirectory, vf.Text));
                if (!File.Exists(full))
                    throw new KustomizeException(vf.Span, $"values file '{vf.Text}' not found");
                values.Add(new ValuesFile(CheckInside(k, full, vf.Span), ReadText(full, vf.Span)));
            }

            if (h.GetMapping("valuesInline") is { Count: > 0 } inline)
                values.Add(new ValuesFile(k.Path, InlineValuesText(k, inline)));
            var options = new RenderOptions
            {
                ReleaseName = h.GetString("releaseName") ?? "release-name",
                Namespace = h.GetString("namespace") ?? "default",
                IncludeCrds = h.GetScalar("includeCRDs")?.Text == "true",
                SkipTests = h.GetScalar("skipTests")?.Text == "true",
                ValuesFiles = values.ToImmutable(),
            };
            var render = HelmRenderer.Render(new ChartSource(chartDir, chartRel), options, _cancellationToken);
            if (render.Problems.FirstOrDefault() is { } problem)
            {
                var at = problem.Path is { } p && p != chartRel ? SourceSpan.At(p, Math.Max(1, problem.Line), Math.Max(1, problem.Column)) : h.Span;
                throw new KustomizeException(at, $"helm chart '{name}' failed to render: {problem.Message}");
            }

            if (options.IncludeCrds)
            {
                foreach (var crd in render.Crds)
                    AddDocuments(YamlLoader.Load(new SourceFile(crd.RepositoryPath ?? chartRel + "/crds/" + crd.Name, crd.Text), null, null, _cancellationToken), resources, h.Span);
            }

            foreach (var manifest in render.Manifests.Concat(render.Hooks))
                AddDocuments(YamlLoader.Load(new SourceFile(manifest.Name, manifest.Content), render.SourceMapFor(manifest), null, _cancellationToken), resources, h.Span);
        }
    }

    private static void AddDocuments(YamlLoadResult load, List<KResource> resources, SourceSpan at)
    {
        if (load.Problems.FirstOrDefault() is { } p)
            throw new KustomizeException(p.Span, "helm chart output is not valid YAML: " + p.Message);
        foreach (var doc in load.Documents)
        {
            if (doc.Root is YamlMapping m)
                Add(resources, Check(new KResource((KMap)KYaml.From(m)!, KYaml.OriginOf(m)), m.Span), at);
        }
    }

    /// <summary>The valuesInline text in place (blank lines before it), so value positions are kustomization positions.</summary>
    private static string InlineValuesText(KustomizationFile k, YamlMapping inline)
    {
        var lines = k.Source.Text.Split('\n');
        var first = inline.Entries[0].Key.Span;
        var key = k.Root.GetKey("helmCharts");
        if (first.StartLine <= 1 || lines[first.StartLine - 1][..(first.StartColumn - 1)].Trim().Length > 0 || key is null)
            return GoYamlWriter.Marshal(ToPlain(KYaml.From(inline)));
        var end = inline.Span.EndLine;
        var body = new List<string>();
        for (var l = first.StartLine; l <= Math.Min(end, lines.Length); l++)
        {
            var line = lines[l - 1];
            var indent = line.Length - line.TrimStart(' ').Length;
            if (l > first.StartLine && line.Trim().Length > 0 && indent < first.StartColumn - 1)
                break;
            body.Add(line);
        }

        return string.Concat(Enumerable.Repeat("\n", first.StartLine - 1)) + string.Join('\n', body) + "\n";
    }
}
