using System.Collections.Immutable;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>
/// Go values the other suites rarely meet: complex128 constants (<c>1i</c>, <c>1+2i</c>), nil slices (Helm's
/// <c>.Chart.Keywords</c> without keywords) and strings holding bytes that are not valid UTF-8, rendered with the
/// Sprig and Helm function maps the way Helm sets them up.
/// </summary>
public sealed class GoValueEdgeCasesTests
{
    private static TemplateSet Parse(string text) =>
        TemplateSet.Parse([("main", text)], new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] });

    private static string Render(string text, object? data = null) =>
        Parse(text).Execute("main", data).WithoutNoValue().Text;

    private static string Error(string text, object? data = null) =>
        Assert.Throws<TemplateException>(() => Parse(text).Execute("main", data)).Message;

    private static GoMap Data(ChartMetadata chart)
    {
        var data = new GoMap(GoMap.ValuesType);
        data["Chart"] = chart;
        return data;
    }

    private static GoMap ChartWithoutLists() => Data(new ChartMetadata { Name = "demo", Version = "1.2.3" });

    [Theory]
    [InlineData("{{ 1i }}", "(0+1i)")]
    [InlineData("{{ 0i }}", "(0+0i)")]
    [InlineData("{{ 2.5i }}", "(0+2.5i)")]
    [InlineData("{{ -1i }} {{ -0i }}", "(0-1i) (0-0i)")]
    [InlineData("{{ 1e3i }}", "(0+1000i)")]
    [InlineData("{{ 0x1p-2i }}", "(0+0.25i)")]
    [InlineData("{{ 1+2i }}", "(1+2i)")]
    [InlineData("{{ -1.5-2e-3i }}", "(-1.5-0.002i)")]
    [InlineData("{{ 1e+2+3i }}", "(100+3i)")]
    [InlineData("{{ 0x1p4+0x1p1i }}", "(16+2i)")]
    [InlineData("{{ 1_0+2_5i }} {{ 1_000i }}", "(10+25i) (0+1000i)")]
    [InlineData("{{ printf \"%v|%.1f|%T\" 1.5i 2+1i 0i }}", "(0+1.5i)|(2.0+1.0i)|complex128")]
    [InlineData("{{ $c := 3i }}{{ $c }}", "(0+3i)")]
    public void Imaginary_constants_parse_and_print_as_complex128(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ typeOf 1i }}", "complex128")]
    [InlineData("{{ kindOf 1i }}", "complex128")]
    [InlineData("{{ kindOf 1+0i }}", "complex128")]
    [InlineData("{{ kindIs \"complex128\" 2i }}", "true")]
    [InlineData("{{ typeIs \"complex128\" 0i }}", "true")]
    [InlineData("{{ empty 0i }}", "true")]
    [InlineData("{{ empty 1i }}", "false")]
    [InlineData("{{ empty 1+0i }}", "false")]
    [InlineData("{{ default \"D\" 0i }}", "D")]
    [InlineData("{{ default \"D\" 2i }}", "(0+2i)")]
    [InlineData("{{ coalesce 0i 0 1i }}", "(0+1i)")]
    [InlineData("{{ if 0i }}T{{ else }}F{{ end }}{{ if 1i }}T{{ end }}", "FT")]
    [InlineData("{{ eq 1i 1i }} {{ eq 1+2i 3i 1+2i }} {{ eq 1i 2i }} {{ ne 1i 0i }}", "true true false true")]
    [InlineData("{{ deepEqual 1i 1i }} {{ deepEqual 1i 2i }}", "true false")]
    [InlineData("{{ toString 1i }}", "(0+1i)")]
    public void Complex_values_behave_like_Go_in_reflection_emptiness_and_comparison(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ repeat 0i \"x\" }}|", "|")]
    [InlineData("{{ repeat 2+0i \"x\" }}", "xx")]
    [InlineData("{{ trunc 3e0+0i \"abcdef\" }}", "abc")]
    public void Complex_constants_with_zero_imaginary_part_fill_int_parameters(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ repeat 1i \"x\" }}", "template: main:1:10: executing \"main\" at <1i>: expected integer; found 1i")]
    [InlineData("{{ lt 1i 2i }}", "template: main:1:3: executing \"main\" at <lt 1i 2i>: error calling lt: invalid type for comparison")]
    [InlineData("{{ eq 1i 1 }}", "template: main:1:3: executing \"main\" at <eq 1i 1>: error calling eq: incompatible types for comparison")]
    [InlineData("{{ mustToJson 1i }}", "template: main:1:3: executing \"main\" at <mustToJson 1i>: error calling mustToJson: json: unsupported type: complex128")]
    public void Complex_values_fail_where_Go_fails(string template, string expected) =>
        Assert.Equal(expected, Error(template));

    [Theory]
    [InlineData("{{ 1+i }}", "template: main:1: syntax error scanning complex number")]
    [InlineData("{{ 1__0+2i }}", "template: main:1: strconv.ParseFloat: parsing \"1__0\": invalid syntax")]
    [InlineData("{{ 0x10+1i }}", "template: main:1: strconv.ParseFloat: parsing \"0x10\": invalid syntax")]
    [InlineData("{{ 1+1e999i }}", "template: main:1: strconv.ParseFloat: parsing \"+1e999\": value out of range")]
    [InlineData("{{ 1+2 }}", "template: main:1: bad number syntax: \"1+2\"")]
    public void Malformed_complex_constants_are_parse_errors_with_fmt_Sscan_texts(string template, string expected) =>
        Assert.Equal(expected, Assert.Throws<TemplateException>(() => Parse(template)).Message);

    [Fact]
    public void Toyaml_and_tojson_refuse_complex_values_quietly() =>
        Assert.Equal("||", Render("{{ toYaml (dict \"a\" 1i) }}|{{ toJson 1i }}|"));

    [Theory]
    [InlineData("{{ toYaml (dict \"x\" .Chart.Keywords) }}", "x: null")]
    [InlineData("{{ toJson (dict \"x\" .Chart.Keywords \"y\" .Chart.Sources) }}", "{\"x\":null,\"y\":null}")]
    [InlineData("{{ toJson .Chart.Keywords }}", "null")]
    [InlineData("{{ toJson .Chart.Maintainers }} {{ toJson .Chart.Dependencies }}", "null null")]
    [InlineData("{{ .Chart.Keywords }} {{ print .Chart.Sources }}", "[] []")]
    [InlineData("{{ printf \"%#v|%v\" .Chart.Keywords .Chart.Keywords }}", "[]string(nil)|[]")]
    [InlineData("{{ len .Chart.Keywords }}", "0")]
    [InlineData("{{ empty .Chart.Keywords }} {{ default \"none\" .Chart.Keywords }}", "true none")]
    [InlineData("{{ typeOf .Chart.Keywords }} {{ kindOf .Chart.Keywords }} {{ typeOf .Chart.Maintainers }}", "[]string slice []*chart.Maintainer")]
    [InlineData("{{ range .Chart.Keywords }}x{{ else }}none{{ end }}", "none")]
    [InlineData("{{ toJson (append .Chart.Keywords \"a\") }}", "[\"a\"]")]
    [InlineData("{{ toJson (deepCopy (dict \"k\" .Chart.Keywords)) }}", "{\"k\":null}")]
    [InlineData("{{ toJson (toStrings .Chart.Keywords) }}", "null")]
    [InlineData("{{ deepEqual .Chart.Keywords .Chart.Sources }} {{ deepEqual .Chart.Keywords (toStrings (list)) }}", "true false")]
    [InlineData("{{ toJson .Chart }}", "{\"name\":\"demo\",\"version\":\"1.2.3\"}")]
    public void Chart_slices_that_were_not_given_are_nil_slices(string template, string expected) =>
        Assert.Equal(expected, Render(template, ChartWithoutLists()));

    [Theory]
    [InlineData("{{ toJson .Chart.Annotations }} {{ toYaml (dict \"a\" .Chart.Annotations) }}", "null a: null")]
    [InlineData("{{ .Chart.Annotations }} {{ len .Chart.Annotations }} {{ empty .Chart.Annotations }}", "map[] 0 true")]
    [InlineData("{{ printf \"%#v|%T\" .Chart.Annotations .Chart.Annotations }}", "map[string]string(nil)|map[string]string")]
    [InlineData("{{ range $k, $v := .Chart.Annotations }}x{{ else }}none{{ end }} {{ index .Chart.Annotations \"a\" | quote }}", "none \"\"")]
    [InlineData("{{ toJson (deepCopy (dict \"a\" .Chart.Annotations)) }}", "{\"a\":null}")]
    public void Chart_annotations_that_were_not_given_are_a_nil_map(string template, string expected) =>
        Assert.Equal(expected, Render(template, ChartWithoutLists()));

    [Fact]
    public void Chart_annotations_given_empty_are_an_empty_map_and_differ_from_nil()
    {
        var empty = Data(new ChartMetadata { Name = "demo", Annotations = ImmutableSortedDictionary<string, string>.Empty });
        Assert.Equal("{} map[string]string{}", Render("{{ toJson .Chart.Annotations }} {{ printf \"%#v\" .Chart.Annotations }}", empty));
        var nil = GoMap.Nil(GoMap.StringMapType);
        Assert.False(SprigFunctionsDeepEqual(nil, new GoMap(GoMap.StringMapType)));
        nil.Set("a", "b");
        Assert.False(nil.IsNil);
    }

    private static bool SprigFunctionsDeepEqual(object a, object b)
    {
        var data = new GoMap { ["a"] = a, ["b"] = b };
        return Render("{{ deepEqual .a .b }}", data) == "true";
    }

    [Theory]
    [InlineData("{{ toJson (rest (list)) }} {{ toJson (initial (list)) }} {{ toJson (mustRest (list)) }}", "null null null")]
    [InlineData("{{ toJson (rest (list 1)) }} {{ toJson (initial (list 1)) }}", "[] []")]
    [InlineData("{{ toJson (concat) }} {{ toJson (concat (list) (list)) }} {{ toJson (concat (list) (list 1)) }}", "null null [1]")]
    [InlineData("{{ toJson (regexFindAll \"x\" \"abc\" -1) }} {{ toJson (regexFindAll \"b\" \"abc\" 0) }} {{ toJson (regexFindAll \"b\" \"abc\" -1) }}", "null null [\"b\"]")]
    [InlineData("{{ rest (list) }} {{ len (rest (list)) }} {{ empty (concat) }}", "[] 0 true")]
    public void Functions_that_return_a_nil_slice_in_go_return_a_nil_list(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Chart_slices_given_empty_or_filled_are_not_nil()
    {
        var empty = Data(new ChartMetadata { Name = "demo", Keywords = [], Sources = [] });
        Assert.Equal("x: []", Render("{{ toYaml (dict \"x\" .Chart.Keywords) }}", empty));
        Assert.Equal("[] []string{}", Render("{{ toJson .Chart.Sources }} {{ printf \"%#v\" .Chart.Keywords }}", empty));
        var filled = Data(new ChartMetadata { Name = "demo", Keywords = ["a", "b"] });
        Assert.Equal("[\"a\",\"b\"] [a b]", Render("{{ toJson .Chart.Keywords }} {{ .Chart.Keywords }}", filled));
    }

    [Fact]
    public void A_nil_list_encodes_as_null_until_an_item_is_added()
    {
        var list = GoList.Nil(GoList.StringSliceType);
        Assert.True(list.IsNil);
        Assert.Empty(list);
        Assert.Equal("null", GoJson.Marshal(list));
        Assert.Equal("x: null\n", GoYamlWriter.Marshal(new GoMap([new KeyValuePair<string, object?>("x", list)])));
        Assert.Equal("[]", GoJson.Marshal(new GoList(GoList.StringSliceType)));
        list.Add("a");
        Assert.False(list.IsNil);
        Assert.Equal("[\"a\"]", GoJson.Marshal(list));
    }

    [Theory]
    [InlineData("{{ toJson \"\\xff\" }}", "\"\\ufffd\"")]
    [InlineData("{{ toJson \"a\\xffb\\xc3\" }}", "\"a\\ufffdb\\ufffd\"")]
    [InlineData("{{ toRawJson \"<\\xfe>\" }} {{ toPrettyJson (list \"\\x80\") }}", "\"<\\ufffd>\" [\n  \"\\ufffd\"\n]")]
    [InlineData("{{ toJson (dict \"\\xff\" 1) }}", "{\"\\ufffd\":1}")]
    [InlineData("{{ toJson \"\\ufffd\" }}", "\"\uFFFD\"")]
    [InlineData("{{ toJson \"\\xef\\xbf\\xbd\" }}", "\"\uFFFD\"")]
    [InlineData("{{ toJson \"\\U0001F600\\xff\" }}", "\"\U0001F600\\ufffd\"")]
    [InlineData("{{ toJson (b64dec \"/w==\") }}", "\"\\ufffd\"")]
    public void Tojson_writes_invalid_utf8_bytes_as_the_ufffd_escape_and_keeps_real_replacement_characters(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Marshal_tells_invalid_bytes_from_a_real_replacement_character()
    {
        var mixed = SprigExtraGoBytes.ToGoString([0x61, 0xFF, 0xEF, 0xBF, 0xBD]);
        Assert.Equal("\"a\\ufffd\uFFFD\"", GoJson.Marshal(mixed));
        Assert.Equal("{\"\\ufffd\":\"\\ufffd\"}", GoJson.Marshal(new GoMap([new KeyValuePair<string, object?>("\uDCFF", "\uDC80")])));
    }
}
