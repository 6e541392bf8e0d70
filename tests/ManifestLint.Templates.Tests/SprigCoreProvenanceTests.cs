using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>Provenance survives Sprig's reshaping functions inside real templates.</summary>
public sealed class SprigCoreProvenanceTests
{
    private static RenderResult Render(string main, string values, params (string Name, string Text)[] more)
    {
        var templates = new List<(string, string)> { ("main", main) };
        templates.AddRange(more);
        var set = TemplateSet.Parse(templates, new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] });
        var root = new GoMap(GoMap.ValuesType);
        root["Values"] = GoYaml.ParseValues(values, "values.yaml");
        return set.Execute("main", root);
    }

    private static OutputSegment At(RenderResult r, string needle) =>
        r.Segments.Single(s => s.Start <= r.Text.IndexOf(needle, StringComparison.Ordinal) && r.Text.IndexOf(needle, StringComparison.Ordinal) < s.Start + s.Length);

    [Fact]
    public void ToYamlThroughNindentPointsAtTheValuesFile()
    {
        var r = Render("spec:\n  resources:{{ toYaml .Values.res | nindent 4 }}\n", "res:\n  limits:\n    cpu: 100m\n");

        Assert.Equal("spec:\n  resources:\n    limits:\n      cpu: 100m\n", r.Text);
        var cpu = At(r, "100m");
        Assert.Equal("values.yaml", cpu.Value?.Source);
        Assert.Equal(3, cpu.Value!.Line);
    }

    [Fact]
    public void IncludedTextKeepsItsTemplateLinesThroughNindent()
    {
        var r = Render(
            "metadata:\n  labels:{{ include \"labels\" . | nindent 4 }}\n",
            "name: web\n",
            ("_helpers.tpl", "{{ define \"labels\" }}\napp: x\ntier: {{ .Values.name }}{{ end }}"));

        Assert.Equal("metadata:\n  labels:\n    \n    app: x\n    tier: web\n", r.Text);
        var tier = At(r, "tier:");
        Assert.Equal(("_helpers.tpl", 3, 1), (tier.Template, tier.Line, tier.Column));
        Assert.Equal(1, At(r, "web").Value?.Line);
    }

    [Fact]
    public void QuotedValueKeepsItsOrigin()
    {
        var r = Render("image: {{ .Values.tag | quote }}", "tag: \"1.0\"\n");

        Assert.Equal("image: \"1.0\"", r.Text);
        Assert.Equal(1, At(r, "1.0").Value?.Line);
    }
}
