using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>Every span of output knows the template position, and the value origin, that produced it.</summary>
public sealed class ProvenanceTests
{
    private static readonly ValueOrigin TagOrigin = new("values.yaml", 3, 8, "image.tag");

    private static GoMap Data()
    {
        var image = new GoMap();
        image.Set("tag", "1.0", TagOrigin);
        var values = new GoMap(GoMap.ValuesType);
        values.Set("image", image, new ValueOrigin("values.yaml", 2, 1, "image"));
        var list = new GoList();
        list.Add("a", new ValueOrigin("values.yaml", 5, 5, "l[0]"));
        list.Add("b", new ValueOrigin("values.yaml", 6, 5, "l[1]"));
        values.Set("l", list, null);
        var root = new GoMap(GoMap.ValuesType);
        root["Values"] = values;
        return root;
    }

    private static OutputSegment At(RenderResult r, int offset) =>
        r.Segments.Single(s => s.Start <= offset && offset < s.Start + s.Length);

    [Fact]
    public void Text_is_verbatim_and_actions_carry_the_value_origin()
    {
        var r = TemplateEngineTests.Parse("kind: x\ntag: {{ .Values.image.tag }}\n").Execute("main", Data());
        Assert.Equal("kind: x\ntag: 1.0\n", r.Text);
        var text = At(r, 0);
        Assert.True(text.Verbatim);
        Assert.Equal(("main", 1, 1), (text.Template, text.Line, text.Column));
        var value = At(r, r.Text.IndexOf("1.0", StringComparison.Ordinal));
        Assert.False(value.Verbatim);
        Assert.Equal(2, value.Line);
        Assert.Equal(TagOrigin, value.Value);
        Assert.Equal(r.Text.Length, r.Segments.Sum(s => s.Length));
    }

    [Fact]
    public void Range_elements_keep_their_origins()
    {
        var r = TemplateEngineTests.Parse("{{ range .Values.l }}- {{ . }}\n{{ end }}").Execute("main", Data());
        Assert.Equal("- a\n- b\n", r.Text);
        Assert.Equal(5, At(r, 2).Value!.Line);
        Assert.Equal(6, At(r, 6).Value!.Line);
    }

    [Fact]
    public void Include_output_keeps_the_included_templates_positions_shifted_into_place()
    {
        var set = TemplateEngineTests.Parse(
            "a: {{ include \"t\" . }}",
            ("_helpers.tpl", "{{ define \"t\" }}\nx{{ .Values.image.tag }}{{ end }}"));
        var r = set.Execute("main", Data());
        Assert.Equal("a: \nx1.0", r.Text);
        var text = At(r, 3);
        Assert.Equal(("_helpers.tpl", 1, 17, true), (text.Template, text.Line, text.Column, text.Verbatim));
        Assert.Equal(3, text.Start);
        var tag = At(r, 5);
        Assert.Equal(TagOrigin, tag.Value);
        Assert.Equal("_helpers.tpl", tag.Template);
    }

    [Fact]
    public void Removing_no_value_shifts_segments()
    {
        var r = TemplateEngineTests.Parse("a{{ .missing }}b{{ .Values.image.tag }}").Execute("main", Data()).WithoutNoValue();
        Assert.Equal("ab1.0", r.Text);
        Assert.Equal(TagOrigin, At(r, 2).Value);
        Assert.Equal(r.Text.Length, r.Segments.Sum(s => s.Length));
    }
}
