using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Helm;

/// <summary>Writes a render exactly as <c>helm template</c> prints it (stdout, then <c>Error: ...</c> when it fails).</summary>
public static partial class HelmTemplateOutput
{
    [GeneratedRegex("# Source: [^/]+/(.+)", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    /// <summary>The full text Helm prints: the manifests, and on failure its <c>Error:</c> line(s).</summary>
    public static string Format(ChartRender render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var options = render.Options;
        if (render.Failed)
        {
            var first = render.Problems[0];
            if (first.Kind is RenderProblemKind.Chart or RenderProblemKind.Values)
                return "Error: " + first.Message + "\n";
            if (!options.Debug)
                return "Error: " + first.Message + "\n\nUse --debug flag to render out invalid YAML\n";
            var debug = new StringBuilder();
            if (first.Kind == RenderProblemKind.Yaml)
            {
                foreach (var t in render.Templates.OrderBy(t => t.Name, StringComparer.Ordinal))
                {
                    if (string.IsNullOrWhiteSpace(t.Text))
                        continue;
                    debug.Append("---\n# Source: ").Append(t.Name).Append('\n').Append(t.Text).Append('\n');
                }
            }

            var printed = debug.ToString().Trim();
            return (printed.Length > 0 ? printed + "\n" : string.Empty) + "Error: " + first.Message + "\n";
        }

        var output = new StringBuilder(ReleaseManifest(render).Trim()).Append('\n');
        if (!options.DisableHooks)
        {
            foreach (var h in render.Hooks)
            {
                if (options.SkipTests && h.IsTest)
                    continue;
                output.Append("---\n# Source: ").Append(h.Name).Append('\n').Append(h.Content).Append('\n');
            }
        }

        if (options.ShowOnly.IsDefaultOrEmpty)
            return output.ToString();
        var docs = ManifestSorter.Split(output.ToString(), options.KeepsTrailingBlankLines);
        var selected = new StringBuilder();
        foreach (var pattern in options.ShowOnly)
        {
            var f = pattern.Replace('\\', '/');
            var missing = true;
            foreach (var (_, doc) in docs)
            {
                var match = SourceLine().Match(doc);
                if (!match.Success || !GoGlob.Match(f, match.Groups[1].Value))
                    continue;
                selected.Append("---\n").Append(doc).Append('\n');
                missing = false;
            }

            if (missing)
                return "Error: could not find template " + f + " in chart\n";
        }

        return selected.ToString();
    }

    /// <summary>The release manifest Helm stores and <c>install --dry-run</c> prints: CRDs (when included) and the sorted documents, hooks excluded.</summary>
    public static string ReleaseManifest(ChartRender render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var manifest = new StringBuilder();
        if (render.Options.IncludeCrds)
        {
            foreach (var (name, _, text) in render.Crds)
                manifest.Append("---\n# Source: ").Append(name).Append('\n').Append(text).Append('\n');
        }

        foreach (var m in render.Manifests)
        {
            manifest.Append("---\n# Source: ").Append(m.Name).Append('\n');
            if (render.Options.HideSecret && m.Kind == "Secret" && m.ApiVersion == "v1")
                manifest.Append("# HIDDEN: The Secret output has been suppressed\n");
            else
                manifest.Append(m.Content).Append('\n');
        }

        return manifest.ToString();
    }
}
