using ManifestLint.Templates.Values;

namespace ManifestLint.Helm.Tests;

public sealed class SetValuesParserTests
{
    [Fact]
    public void Nested_keys_lists_and_typed_scalars()
    {
        var map = new GoMap();
        SetValuesParser.ParseInto("a.b=c,n=10,t=true,z=0,o=012,l[1]=x,arr={p,q}", map, stringsOnly: false);

        var a = Assert.IsType<GoMap>(map["a"]);
        Assert.Equal("c", a["b"]);
        Assert.Equal(new GoInt64(10), map["n"]);
        Assert.Equal(true, map["t"]);
        Assert.Equal(new GoInt64(0), map["z"]);
        Assert.Equal("012", map["o"]);
        var l = Assert.IsType<GoList>(map["l"]);
        Assert.Equal([null, "x"], l.ToArray());
        Assert.Equal(["p", "q"], Assert.IsType<GoList>(map["arr"]).ToArray());
    }

    [Fact]
    public void Escaped_comma_and_dot_stay_in_the_key_or_value()
    {
        var map = new GoMap();
        SetValuesParser.ParseInto(@"name=a\,b,dotted\.key=v", map, stringsOnly: false);

        Assert.Equal("a,b", map["name"]);
        Assert.Equal("v", map["dotted.key"]);
    }

    [Fact]
    public void Set_string_keeps_text_and_null_sets_nil()
    {
        var strings = new GoMap();
        SetValuesParser.ParseInto("n=10,t=true", strings, stringsOnly: true);
        Assert.Equal("10", strings["n"]);
        Assert.Equal("true", strings["t"]);

        var typed = new GoMap();
        SetValuesParser.ParseInto("gone=null", typed, stringsOnly: false);
        Assert.True(typed.ContainsKey("gone"));
        Assert.Null(typed["gone"]);
    }

    [Fact]
    public void Key_without_value_is_an_error()
    {
        Assert.Throws<FormatException>(() => SetValuesParser.ParseInto("a", new GoMap(), stringsOnly: false));
    }

    [Fact]
    public void Set_json_takes_a_json_value_and_set_file_the_files_content()
    {
        var map = new GoMap();
        SetValuesParser.ParseJsonInto("a.list=[1,{\"x\":\"y\"}]", map);
        SetValuesParser.ParseFileInto("cert=ca.pem", map, path => "content of " + path);

        var list = Assert.IsType<GoList>(Assert.IsType<GoMap>(map["a"])["list"]);
        Assert.Equal(2, list.Count);
        Assert.Equal("y", Assert.IsType<GoMap>(list[1])["x"]);
        Assert.Equal("content of ca.pem", map["cert"]);
    }

    // Found by fuzzing (fuzz/README.md): a huge list index grew a list of that many nulls (a hang, then out of memory).
    [Theory]
    [InlineData("a[999999999]=x", false)]
    [InlineData("a[0][70000]=x", false)]
    [InlineData("a[65537]={\"b\":1}", true)]
    public void List_index_above_helms_maximum_is_an_error(string text, bool json)
    {
        var map = new GoMap();
        var ex = Assert.Throws<FormatException>(() =>
        {
            if (json)
                SetValuesParser.ParseJsonInto(text, map);
            else
                SetValuesParser.ParseInto(text, map, stringsOnly: false);
        });
        Assert.Contains("is greater than maximum supported index 65536", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_index_at_helms_maximum_is_accepted()
    {
        var map = new GoMap();
        SetValuesParser.ParseInto("a[65536]=x", map, stringsOnly: false);
        Assert.Equal(65537, Assert.IsType<GoList>(map["a"]).Count);
    }
}
