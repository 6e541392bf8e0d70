using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigCoreTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigCoreListsTests
{
    [Fact]
    public void AppendAndPrependCopyTheList()
    {
        var list = List("a", "b");
        Assert.Equal("[a b c]", Print("append", list, "c"));
        Assert.Equal("[z a b]", Print("prepend", list, "z"));
        Assert.Equal("[a b]", GoFormat.FormatValue(list));
        Assert.Equal("[]interface {}", GoFormat.TypeName(Call("append", new GoList(["x"], GoList.StringSliceType), "y")));
    }

    [Theory]
    [InlineData("push", "Cannot push on type string")]
    [InlineData("mustPrepend", "Cannot prepend on type string")]
    [InlineData("first", "Cannot find first on type string")]
    [InlineData("mustLast", "Cannot find last on type string")]
    [InlineData("rest", "Cannot find rest on type string")]
    [InlineData("initial", "Cannot find initial on type string")]
    [InlineData("reverse", "Cannot find reverse on type string")]
    [InlineData("uniq", "Cannot find uniq on type string")]
    [InlineData("compact", "Cannot compact on type string")]
    public void NonListsAreRejectedWithSprigsMessage(string name, string message)
    {
        object?[] args = name is "push" or "mustPrepend" ? ["s", 1L] : ["s"];
        Assert.Equal(message, Error(name, args));
    }

    [Theory]
    [InlineData("first")]
    [InlineData("last")]
    [InlineData("uniq")]
    [InlineData("concat")]
    public void NilListsPanicLikeGo(string name) =>
        Assert.Equal("runtime error: invalid memory address or nil pointer dereference", Error(name, [null]));

    [Fact]
    public void KindNamesFollowGoReflection()
    {
        Assert.Equal("Cannot push on type map", Error("mustAppend", Map(("k", "v")), 1L));
        Assert.Equal("Cannot push on type int", Error("mustAppend", 1L, 2L));
    }

    [Fact]
    public void FirstRestLastInitial()
    {
        var list = List("a", "b", "c");
        Assert.Equal("a", Print("first", list));
        Assert.Equal("[b c]", Print("rest", list));
        Assert.Equal("c", Print("last", list));
        Assert.Equal("[a b]", Print("initial", list));
        Assert.Null(Call("first", List()));
        Assert.Equal("[]", Print("rest", List()));
    }

    [Fact]
    public void UniqWithoutHasCompareDeeplyWithTypes()
    {
        Assert.Equal("[1 1 1]", Print("uniq", List(1L, 1.0, "1")));
        Assert.Equal("[map[a:1] map[a:2]]", Print("uniq", List(Map(("a", 1L)), Map(("a", 1L)), Map(("a", 2L)))));
        Assert.Equal("[1 2 3]", Print("without", List(1.0, 2.0, 3.0), 1L));
        Assert.Equal("[2 3]", Print("without", List(1.0, 2.0, 3.0), 1.0));
        Assert.Equal(false, Call("has", 1L, List(1.0)));
        Assert.Equal(true, Call("has", List(1L), List(List(1L))));
        Assert.Equal(false, Call("mustHas", 2L, null));
    }

    [Fact]
    public void CompactDropsEmptyValues() =>
        Assert.Equal("[1 a true 1.5]", Print("compact", List(1L, "a", null, true, false, 0L, "", 1.5, List())));

    [Fact]
    public void SliceKeepsTypeAndChecksBounds()
    {
        var list = new GoList(["a", "b", "c"], GoList.StringSliceType);
        var sliced = Assert.IsType<GoList>(Call("slice", list, 1L));
        Assert.Equal(("[b c]", "[]string"), (GoFormat.FormatValue(sliced), sliced.GoTypeName));
        Assert.Null(Call("slice", List()));
        Assert.Equal("reflect.Value.Slice: slice index out of bounds", Error("slice", list, 5L));
        Assert.Equal("list should be type of slice or array but map", Error("mustSlice", Map(), 0L));
    }

    [Fact]
    public void ConcatAndChunk()
    {
        Assert.Equal("[1 2 3]", Print("concat", List(1L), List(2L, 3L)));
        Assert.Equal("Cannot concat type string as list", Error("concat", List(1L), "x"));
        var chunks = Assert.IsType<GoList>(Call("chunk", 2L, List(1L, 2L, 3L, 4L, 5L)));
        Assert.Equal(("[[1 2] [3 4] [5]]", "[][]interface {}"), (GoFormat.FormatValue(chunks), chunks.GoTypeName));
        Assert.Equal("[]", Print("chunk", 2L, List()));
    }

    [Theory]
    [InlineData(new long[] { 5 }, "1 2 3 4 5")]
    [InlineData(new long[] { 0 }, "1 0")]
    [InlineData(new long[] { -2 }, "1 0 -1 -2")]
    [InlineData(new long[] { 2, 5 }, "2 3 4 5")]
    [InlineData(new long[] { 10, -3, 0 }, "10 7 4 1")]
    [InlineData(new long[] { 1, -1, 5 }, "")]
    [InlineData(new long[] { 1, 2, 3, 4 }, "")]
    public void SeqMatchesSprig(long[] args, string expected) =>
        Assert.Equal(expected, Print("seq", [.. args.Select(a => (object?)a)]));

    [Fact]
    public void UntilAndUntilStep()
    {
        var until = Assert.IsType<GoList>(Call("until", 3L));
        Assert.Equal(("[0 1 2]", "[]int"), (GoFormat.FormatValue(until), until.GoTypeName));
        Assert.Equal("[0 -1 -2]", Print("until", -3L));
        Assert.Equal("[10 7 4 1]", Print("untilStep", 10L, 0L, -3L));
        Assert.Equal("[]", Print("untilStep", 0L, 10L, 0L));
    }

    [Fact]
    public void HugeRangesFailFast() =>
        Assert.Contains("exceeds the limit", Error("until", 100_000_000L), StringComparison.Ordinal);

    [Fact]
    public void ToStringsDropsNil() => Assert.Equal("[1 2]", Print("toStrings", List(1L, null, 2L)));
}
