using System.Collections.Immutable;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>The language itself: lexing, parsing, execution and Go's error texts, with Go's builtins only.</summary>
public sealed class TemplateEngineTests
{
    internal static TemplateSet Parse(string text, params (string Name, string Text)[] more)
    {
        var templates = new List<(string, string)> { ("main", text) };
        templates.AddRange(more);
        return TemplateSet.Parse(templates, new TemplateOptions { FunctionMaps = [TestFunctions.Create()] });
    }

    internal static string Render(string text, object? data = null, params (string Name, string Text)[] more) =>
        Parse(text, more).Execute("main", data).WithoutNoValue().Text;

    internal static string Error(string text, object? data = null) =>
        Assert.Throws<TemplateException>(() => Parse(text).Execute("main", data)).Message;

    internal static GoMap Map(params (string Key, object? Value)[] entries)
    {
        var map = new GoMap();
        foreach (var (k, v) in entries)
            map[k] = v;
        return map;
    }

    [Theory]
    [InlineData("a  {{- 1 -}}  b", "a1b")]
    [InlineData("a {{/* comment */}} b", "a  b")]
    [InlineData("a\n{{- /* c */ -}}\nb", "ab")]
    [InlineData("{{ `raw\\n` }}", "raw\\n")]
    [InlineData("{{ 'a' }}", "97")]
    [InlineData("{{ 0x1F }} {{ 0o17 }} {{ 0b101 }} {{ 1_000 }} {{ 017 }}", "31 15 5 1000 15")]
    [InlineData("{{ 1.5e3 }} {{ 1e6 }} {{ -2 }}", "1500 1e+06 -2")]
    [InlineData("{{ \"a\\tb\" }}", "a\tb")]
    [InlineData("{{ print 1 2 \"x\" 3 }}", "1 2x3")]
    [InlineData("{{ println 1 \"x\" }}", "1 x\n")]
    [InlineData("{{ printf \"%05.1f|%-4d|%q|%x|%T\" 3.14159 7 \"hi\" 255 1.0 }}", "003.1|7   |\"hi\"|ff|float64")]
    [InlineData("{{ printf \"%d %s\" \"x\" }}", "%!d(string=x) %!s(MISSING)")]
    [InlineData("{{ printf \"%d\" 1 2 }}", "1%!(EXTRA int=2)")]
    [InlineData("{{ html \"<a href='x'>&\\\"\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;&#34;")]
    [InlineData("{{ js \"<it's>\" }}", "\\u003Cit\\'s\\u003E")]
    [InlineData("{{ urlquery \"a b&c\" }}", "a+b%26c")]
    public void Literals_trim_markers_and_printing_follow_Go(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void If_else_if_with_and_range_follow_Go_semantics()
    {
        var data = Map(("m", Map(("b", 2.0), ("a", 1.0))), ("l", new GoList([1.0, 2.0, 3.0])), ("e", new GoList()), ("s", ""));
        Assert.Equal("a=1;b=2;", Render("{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}", data));
        Assert.Equal("0:1 1:2 2:3 ", Render("{{ range $i, $v := .l }}{{ $i }}:{{ $v }} {{ end }}", data));
        Assert.Equal("empty", Render("{{ range .e }}x{{ else }}empty{{ end }}", data));
        Assert.Equal("1", Render("{{ range .l }}{{ if eq . 2.0 }}{{ break }}{{ end }}{{ . }}{{ end }}", data));
        Assert.Equal("13", Render("{{ range .l }}{{ if eq . 2.0 }}{{ continue }}{{ end }}{{ . }}{{ end }}", data));
        Assert.Equal("B", Render("{{ if .s }}A{{ else if .l }}B{{ else }}C{{ end }}", data));
        Assert.Equal("2", Render("{{ with .m }}{{ .b }}{{ end }}", data));
        Assert.Equal("none", Render("{{ with .s }}x{{ else }}none{{ end }}", data));
        Assert.Equal("012", Render("{{ range 3 }}{{ . }}{{ end }}", data));
    }

    [Fact]
    public void Variables_scopes_and_assignment()
    {
        Assert.Equal("2", Render("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}"));
        Assert.Equal("template: main:1: undefined variable \"$y\"", Error("{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}"));
        Assert.Equal("template: main:1:8: executing \"main\" at <1>: undefined variable: $x", Error("{{ $x = 1 }}"));
    }

    [Fact]
    public void Missing_keys_print_no_value_and_deeper_access_fails_like_Go()
    {
        var data = Map(("Values", Map(("a", 1.0))));
        Assert.Equal("[]", Render("[{{ .Values.missing }}]", data));
        Assert.Equal("[<no value>]", Parse("[{{ .Values.missing }}]").Execute("main", data).Text);
        Assert.Equal(
            "template: main:1:10: executing \"main\" at <.Values.missing.x>: nil pointer evaluating interface {}.x",
            Error("{{ .Values.missing.x }}", data));
        Assert.Equal(
            "template: main:1:16: executing \"main\" at <.Values.missing>: wrong type for value; expected string; got interface {}",
            Error("{{ upper .Values.missing }}", data));
    }

    [Theory]
    [InlineData("{{ 1 }", "template: main:1: unexpected \"}\" in operand")]
    [InlineData("{{ nofunc 1 }}", "template: main:1: function \"nofunc\" not defined")]
    [InlineData("{{ if true }}x", "template: main:1: unexpected EOF")]
    [InlineData("{{ end }}", "template: main:1: unexpected {{end}}")]
    [InlineData("a\n{{ .Values.a-b }}", "template: main:2: bad character U+002D '-'")]
    [InlineData("{{ 12abc }}", "template: main:1: bad number syntax: \"12a\"")]
    [InlineData("{{ continue }}", "template: main:1: {{continue}} outside {{range}}")]
    [InlineData("{{ define \"t\" }}a{{ end }}{{ define \"t\" }}b{{ end }}", "template: main:1: template: multiple definition of template \"t\"")]
    [InlineData("{{ ( ) }}", "template: main:1: missing value for parenthesized pipeline")]
    public void Parse_errors_use_Gos_text(string template, string expected)
    {
        var ex = Assert.Throws<TemplateException>(() => Parse(template));
        Assert.Equal(expected, ex.Message);
        Assert.Equal(TemplateErrorKind.Parse, ex.Kind);
    }

    // Found by fuzzing (fuzz/README.md): an unterminated block inside a clause that declares variables unwound with the
    // block's variable scope still in place, so the clause's clean-up threw ArgumentOutOfRangeException instead.
    [Theory]
    [InlineData("{{ range $x := 0 }}{{ if $x }}{{ block \"b\" 0 }}", "template: main:1: unexpected EOF")]
    [InlineData("{{ $a := 1 }}{{ with $x := 1 }}{{ block \"b\" . }}{{ $z := 3 }}", "template: main:1: unexpected EOF")]
    [InlineData("{{ $a := 1 }}{{ if $v := 1 }}{{ block \"b\" . }}{{ else }}", "template: main:1: unexpected {{else}} in block clause")]
    public void Unterminated_block_inside_a_clause_with_variables_is_a_parse_error(string template, string expected)
    {
        var ex = Assert.Throws<TemplateException>(() => Parse(template));
        Assert.Equal(expected, ex.Message);
        Assert.Equal(TemplateErrorKind.Parse, ex.Kind);
    }

    [Fact]
    public void Later_parsed_files_win_define_clashes_in_Helms_order()
    {
        // Helm parses deeper paths first, then reverse lexical order: a.tpl after main, x/over.tpl before both.
        Assert.Equal("from a.tpl", Render("{{ block \"b\" . }}default{{ end }}", null, ("a.tpl", "{{ define \"b\" }}from a.tpl{{ end }}")));
        Assert.Equal("default", Render("{{ block \"b\" . }}default{{ end }}", null, ("x/over.tpl", "{{ define \"b\" }}from x{{ end }}")));
        Assert.Equal(["x/y/z", "x/b", "x/a", "main", "b"], TemplateSet.HelmParseOrder(["b", "x/a", "main", "x/y/z", "x/b"]));
    }

    [Theory]
    [InlineData("{{ eq 1 \"a\" }}", "error calling eq: incompatible types for comparison")]
    [InlineData("{{ lt true false }}", "error calling lt: invalid type for comparison")]
    [InlineData("{{ index \"abc\" 5 }}", "error calling index: index out of range: 5")]
    [InlineData("{{ len 3 }}", "error calling len: len of type int")]
    [InlineData("{{ template \"nope\" }}", "template \"nope\" not defined")]
    [InlineData("{{ nil }}", "nil is not a command")]
    [InlineData("{{ \"x\" | print | 1 }}", null)]
    public void Execution_errors_use_Gos_text(string template, string? expectedSuffix)
    {
        if (expectedSuffix is null)
        {
            Assert.Throws<TemplateException>(() => Parse(template));
            return;
        }

        Assert.EndsWith(expectedSuffix, Error(template));
    }

    [Fact]
    public void Comparisons_follow_Go()
    {
        Assert.Equal("true true false true", Render("{{ eq 1 2 1 }} {{ ne \"a\" \"b\" }} {{ lt 2 1 }} {{ ge 2.5 2.5 }}"));
        Assert.Equal("true false", Render("{{ eq .missing nil }} {{ eq .missing 1 }}", Map()));
    }

    [Fact]
    public void And_or_short_circuit()
    {
        Assert.Equal("false", Render("{{ and false (explode) }}"));
        Assert.Equal("1", Render("{{ or 0 1 (explode) }}"));
        Assert.EndsWith("error calling explode: boom", Error("{{ and true (explode) }}"));
    }

    [Fact]
    public void Index_reaches_maps_lists_and_nested_values()
    {
        var data = Map(("l", new GoList([Map(("k", "v"))])), ("m", Map(("a", new GoList(["x", "y"])))));
        Assert.Equal("v y", Render("{{ index .l 0 \"k\" }} {{ index .m \"a\" 1 }}", data));
        Assert.Equal("98", Render("{{ index \"abc\" 1 }}"));
    }

    [Fact]
    public void Go_objects_expose_fields_and_print_as_structs()
    {
        var chart = new ChartMetadata { Name = "demo", Version = "1.2.3", AppVersion = "4.5.6" };
        var data = Map(("Chart", chart));
        Assert.Equal("demo|1.2.3|[]", Render("{{ .Chart.Name }}|{{ .Chart.Version }}|{{ .Chart.Keywords }}", data));
        Assert.Equal("{demo  [] 1.2.3  [] []     4.5.6 false map[]  [] }", Render("{{ .Chart }}", data));
        Assert.Equal("*chart.Metadata", Render("{{ printf \"%T\" .Chart }}", data));
        Assert.EndsWith("can't evaluate field name in type interface {}", Error("{{ .Chart.name }}", data));
    }

    [Fact]
    public void Function_arguments_are_converted_by_signature()
    {
        Assert.Equal("ABC", Render("{{ upper \"abc\" }}"));
        Assert.EndsWith("wrong number of args for upper: want 1 got 2", Error("{{ upper \"a\" \"b\" }}"));
        Assert.EndsWith("expected string; found 1", Error("{{ upper 1 }}"));
        Assert.EndsWith("wrong type for value; expected string; got float64", Error("{{ upper .f }}", Map(("f", 1.5))));
    }

    [Fact]
    public void Else_with_chains_and_tpl_parses_text_in_a_copy_of_the_set()
    {
        var data = Map(("a", ""), ("b", "B"), ("t", "{{ define \"d\" }}D{{ end }}{{ template \"d\" }}{{ .b }}"));
        Assert.Equal("B", Render("{{ with .a }}A{{ else with .b }}{{ . }}{{ else }}none{{ end }}", data));
        Assert.Equal("DB", Render("{{ tpl .t . }}", data));
        Assert.EndsWith("template \"d\" not defined", Error("{{ tpl .t . }}{{ template \"d\" }}", data));
    }

    [Fact]
    public void Include_results_stay_strings_for_functions_and_comparisons()
    {
        var set = Parse("{{ $x := include \"t\" . }}{{ upper $x }}|{{ eq $x \"ab\" }}|{{ len $x }}", ("h.tpl", "{{ define \"t\" }}ab{{ end }}"));
        Assert.Equal("AB|true|2", set.Execute("main", null).Text);
    }
}
