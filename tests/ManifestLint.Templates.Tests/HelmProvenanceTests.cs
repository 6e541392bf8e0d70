using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>A finding in rendered output reaches the values-file line through Helm's functions.</summary>
public sealed class HelmProvenanceTests
{
    private const string ValuesYaml = "securityContext:\n  runAsUser: 0\n  capabilities:\n    add: [NET_ADMIN]\nname: web\n";

    private static RenderResult Render(string main, params (string Name, string Text)[] more)
    {
        var set = TemplateSet.Parse(
            [("main", main), .. more],
            new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] });
        var root = new GoMap(GoMap.ValuesType);
        root["Values"] = GoYaml.ParseValues(ValuesYaml, "values.yaml");
        return set.Execute("main", root).WithoutNoValue();
    }

    private static OutputSegment At(RenderResult r, string needle) =>
        r.Segments.Single(s => s.Start <= r.Text.IndexOf(needle, StringComparison.Ordinal) && r.Text.IndexOf(needle, StringComparison.Ordinal) < s.Start + s.Length);

    [Fact]
    public void ToYamlThroughNindentPointsAtValuesLines()
    {
        var r = Render("spec:\n  securityContext:\n    {{- toYaml .Values.securityContext | nindent 4 }}\n");
        Assert.Equal("spec:\n  securityContext:\n    capabilities:\n      add:\n      - NET_ADMIN\n    runAsUser: 0\n", r.Text);
        Assert.Equal(new ValueOrigin("values.yaml", 2, 3, "securityContext.runAsUser"), At(r, "runAsUser: 0").Value);
        Assert.Equal(4, At(r, "- NET_ADMIN").Value!.Line);
        Assert.Equal(3, At(r, "capabilities:").Value!.Line);
    }

    [Fact]
    public void ToYamlLinesCarryTheTemplatePositionOfTheCallingAction()
    {
        var r = Render("spec:\n  securityContext:\n    {{- toYaml .Values.securityContext | nindent 4 }}\n");
        var line = At(r, "runAsUser: 0");
        Assert.Equal(("main", 3, 9), (line.Template, line.Line, line.Column));
        Assert.False(line.Verbatim);
        var inside = Render(
            "{{ include \"sc\" . }}",
            ("_helpers.tpl", "{{ define \"sc\" }}\n{{- toYaml .Values.securityContext }}{{ end }}"));
        var nested = At(inside, "runAsUser");
        Assert.Equal(("_helpers.tpl", 2, 5), (nested.Template, nested.Line, nested.Column));
        Assert.All(inside.Segments, s => Assert.NotEqual(0, s.Line));
    }

    [Fact]
    public void ToYamlInsideIncludeKeepsValueOrigins()
    {
        var r = Render(
            "{{ include \"sc\" . }}",
            ("_helpers.tpl", "{{ define \"sc\" }}{{ toYaml .Values.securityContext }}{{ end }}"));
        Assert.Equal(2, At(r, "runAsUser").Value!.Line);
    }

    [Fact]
    public void TplOutputKeepsValueOrigins()
    {
        var r = Render("name: {{ tpl \"{{ .Values.name }}-x\" . }}");
        Assert.Equal("name: web-x", r.Text);
        Assert.Equal(5, At(r, "web").Value!.Line);
    }
}
