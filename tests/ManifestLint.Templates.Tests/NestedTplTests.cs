using System.Diagnostics;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>
/// Helm's <c>tpl</c> parses its text into a fresh copy of the template set and executes that text's own tree; a
/// <c>tpl</c> inside it copies that copy. Expected texts were checked against helm v3.17.2.
/// </summary>
public sealed class NestedTplTests
{
    private static string Render(string main, GoMap data, params (string Name, string Text)[] more) =>
        Parse(main, more).Execute("main", data).WithoutNoValue().Text;

    private static TemplateSet Parse(string main, params (string Name, string Text)[] more)
    {
        var templates = new List<(string, string)> { ("main", main) };
        templates.AddRange(more);
        return TemplateSet.Parse(templates, new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] });
    }

    private static GoMap Data(params (string Key, object? Value)[] entries) => TemplateEngineTests.Map(entries);

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("{{/* nothing */}}")]
    [InlineData("{{ define \"only\" }}X{{ end }}")]
    public void A_nested_tpl_whose_text_has_no_content_writes_nothing_instead_of_running_the_outer_text_again(string inner)
    {
        // The empty tree does not replace the outer text's "gotpl" in the copy, but it is what runs.
        var data = Data(("outer", "[{{ tpl .inner . }}]"), ("inner", inner));

        Assert.Equal(inner.Trim().Length == 0 ? "[" + inner + "]" : "[]", Render("{{ tpl .outer . }}", data));
    }

    [Fact]
    public void Tpl_inside_tpl_inside_tpl_renders_every_level()
    {
        var data = Data(
            ("a", "A({{ tpl .b . }})"),
            ("b", "B({{ tpl .c . }})"),
            ("c", "C({{ tpl .d . }})"),
            ("d", "D{{ .n }}"),
            ("n", 4L));

        Assert.Equal("A(B(C(D4)))", Render("{{ tpl .a . }}", data));
    }

    [Fact]
    public void Tpl_repeated_in_a_loop_with_nested_tpl_gives_each_iteration_its_own_result()
    {
        var data = Data(("t", "<{{ tpl .u . }}>"), ("u", "{{ .x }}"), ("x", "x"));

        Assert.Equal("<x><x><x>", Render("{{ range until 3 }}{{ tpl $.t $ }}{{ end }}", data));
    }

    [Fact]
    public void A_define_in_tpl_text_serves_includes_of_that_text_and_of_nested_tpls()
    {
        var data = Data(("t", "{{ define \"o\" }}outer{{ end }}{{ include \"o\" . }}/{{ tpl \"{{ include \\\"o\\\" . }}\" . }}"));

        Assert.Equal("outer/outer", Render("{{ tpl .t . }}", data));
    }

    [Fact]
    public void A_define_made_by_a_nested_tpl_is_not_seen_by_the_text_around_it()
    {
        var data = Data(("t", "{{ tpl .d . }}{{ include \"inner\" . }}"), ("d", "{{ define \"inner\" }}in{{ end }}"));

        var ex = Assert.Throws<TemplateException>(() => Parse("{{ tpl .t . }}").Execute("main", data));

        Assert.EndsWith(
            "template: gotpl:1:17: executing \"gotpl\" at <include \"inner\" .>: error calling include: template: no template \"inner\" associated with template \"gotpl\"",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_define_in_tpl_text_overrides_a_name_only_inside_that_text()
    {
        var data = Data(
            ("outer", "{{ define \"x\" }}outer{{ end }}{{ tpl .inner . }}|{{ include \"x\" . }}|{{ template \"x\" . }}"),
            ("inner", "{{ define \"x\" }}inner{{ end }}{{ include \"x\" . }}"));

        var text = Render("{{ tpl .outer . }}/{{ include \"x\" . }}", data, ("_h.tpl", "{{ define \"x\" }}chart{{ end }}"));

        Assert.Equal("inner|outer|outer/chart", text);
    }

    [Fact]
    public void Nested_tpl_includes_a_named_template_of_the_chart()
    {
        var data = Data(("t", "[{{ tpl .u . }}]"), ("u", "{{ include \"helper\" .name }}"), ("name", "n"));

        Assert.Equal("[helper-n]", Render("{{ tpl .t . }}", data, ("_helpers.tpl", "{{ define \"helper\" }}helper-{{ . }}{{ end }}")));
    }

    [Fact]
    public void Tpl_recursion_without_end_still_stops_at_the_depth_limit()
    {
        var data = Data(("loop", "x{{ tpl .loop . }}"));
        var clock = Stopwatch.StartNew();

        var ex = Assert.Throws<TemplateException>(() => Parse("{{ tpl .loop . }}").Execute("main", data));

        Assert.Equal(TemplateErrorKind.Limit, ex.Kind);
        Assert.Contains("exceeded maximum template depth (10000)", ex.Message, StringComparison.Ordinal);
        // A guard against runaway (exponential) work, not a speed test: it takes about 3 s, and much longer on a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "took " + clock.Elapsed);
    }
}
