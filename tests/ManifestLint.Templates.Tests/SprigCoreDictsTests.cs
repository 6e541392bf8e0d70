using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigCoreTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigCoreDictsTests
{
    [Fact]
    public void DictUsesStringKeysAndPadsOddArguments()
    {
        Assert.Equal("map[1.5:2 true:1]", Print("dict", true, 1L, 1.5, 2L));
        Assert.Equal("map[a:]", Print("dict", "a"));
        Assert.Equal("map[a:2]", Print("dict", "a", 1L, "a", 2L));
    }

    [Fact]
    public void GetSetUnsetHasKey()
    {
        var d = Map(("a", 1L));
        Assert.Equal("", Call("get", d, "zz"));
        Assert.Same(d, Call("set", d, "b", 2L));
        Assert.Equal("map[a:1 b:2]", GoFormat.FormatValue(d));
        Assert.Equal("map[b:2]", Print("unset", d, "a"));
        Assert.Equal(true, Call("hasKey", Map(("k", null)), "k"));
    }

    [Fact]
    public void KeysValuesPickOmitPluck()
    {
        var d = Map(("b", 2L), ("a", 1L));
        Assert.Equal("[a b]", Print("keys", d));
        Assert.Equal("[]string", GoFormat.TypeName(Call("keys")));
        Assert.Equal("[1 2]", Print("values", d));
        Assert.Equal("map[a:1]", Print("pick", d, "a", "zz"));
        Assert.Equal("map[b:2]", Print("omit", d, "a"));
        Assert.Equal("[1 3]", Print("pluck", "a", Map(("a", 1L)), Map(("b", 2L)), Map(("a", 3L))));
    }

    [Fact]
    public void MergeFillsOnlyEmptyEntries()
    {
        Assert.Equal("map[a:1 b:3]", Print("merge", Map(("a", 1L)), Map(("a", 2L), ("b", 3L))));
        Assert.Equal("map[a:1]", Print("merge", Map(("a", 1L)), Map(("a", Map(("b", 2L))))));
        Assert.Equal("map[a:x]", Print("merge", Map(("a", "")), Map(("a", "x"))));
        Assert.Equal("map[l:[1]]", Print("merge", Map(("l", List(1L))), Map(("l", List(2L, 3L)))));
        Assert.Equal("map[l:[2 3]]", Print("merge", Map(("l", List())), Map(("l", List(2L, 3L)))));
        Assert.Equal("map[a:s]", Print("merge", Map(("a", List())), Map(("a", "s"))));
        Assert.Equal("map[a:map[x:1 y:2]]", Print("merge", Map(("a", Map(("x", 1L)))), Map(("a", Map(("y", 2L))))));
    }

    [Fact]
    public void MergeOverwriteReplacesEvenWithEmptyValues()
    {
        Assert.Equal("map[a:2 b:3]", Print("mergeOverwrite", Map(("a", 1L)), Map(("a", 2L), ("b", 3L))));
        Assert.Equal("map[a:]", Print("mergeOverwrite", Map(("a", 1L)), Map(("a", ""))));
        Assert.Equal("map[a:<nil>]", Print("mergeOverwrite", Map(("a", 1L)), Map(("a", null))));
        Assert.Equal("map[l:[]]", Print("mergeOverwrite", Map(("l", List(1L, 2L))), Map(("l", List()))));
        Assert.Equal("map[a:flat]", Print("mergeOverwrite", Map(("a", Map(("b", 1L)))), Map(("a", "flat"))));
    }

    [Fact]
    public void DigWalksPlainMapsOnly()
    {
        var nested = Map(("a", Map(("b", Map(("c", "found"))))));
        Assert.Equal("found", Call("dig", "a", "b", "c", "dflt", nested));
        Assert.Equal("dflt", Call("dig", "a", "x", "dflt", nested));
        Assert.Equal("dig needs at least three arguments", Error("dig", "a", nested));
        var values = new GoMap(GoMap.ValuesType);
        Assert.Equal("interface conversion: interface {} is chartutil.Values, not map[string]interface {}", Error("dig", "a", "d", values));
        Assert.Equal("interface conversion: interface {} is int, not string", Error("dig", 1L, "d", Map()));
        Assert.Equal("interface conversion: interface {} is string, not map[string]interface {}", Error("dig", "a", "b", "d", Map(("a", "x"))));
    }

    [Fact]
    public void DeepCopyIsIndependent()
    {
        var inner = Map(("c", "found"));
        var copy = Assert.IsType<GoMap>(Call("deepCopy", Map(("a", inner))));
        ((GoMap)copy["a"]!)["c"] = "changed";
        Assert.Equal("found", inner["c"]);
        Assert.Equal("reflect: call of reflect.Value.Type on zero Value", Error("deepCopy", [null]));
    }
}
