using System.Collections.Immutable;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigCoreTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigCoreStringsTests
{
    [Theory]
    [InlineData("abbrev", 4L, "hello world", "h...")]
    [InlineData("abbrev", 3L, "hello world", "hello world")]
    [InlineData("trunc", 3L, "abcdef", "abc")]
    [InlineData("trunc", -2L, "abcdef", "ef")]
    [InlineData("trunc", -3L, "abc", "abc")]
    [InlineData("repeat", 3L, "ab", "ababab")]
    [InlineData("wrap", 5L, "line1\nline2 word", "line1\nline2\nword")]
    [InlineData("indent", 2L, "a\nb", "  a\n  b")]
    [InlineData("nindent", 4L, "x", "\n    x")]
    public void IntAndStringFunctions(string name, long n, string s, string expected) =>
        Assert.Equal(expected, Print(name, n, s));

    [Theory]
    [InlineData("upper", "hello W\u00f6rld", "HELLO W\u00d6RLD")]
    [InlineData("upper", "stra\u00dfe", "STRA\u00dfE")]
    [InlineData("lower", "\u0130", "i")]
    [InlineData("title", "hello world-foo bar_baz", "Hello World-Foo Bar_baz")]
    [InlineData("title", "o'neil mc-donald", "O'Neil Mc-Donald")]
    [InlineData("untitle", "HELLO", "hELLO")]
    [InlineData("swapcase", "Hello World 123", "hELLO wORLD 123")]
    [InlineData("swapcase", "\u01c6a \u01c6", "\u01c5A \u01c5")]
    [InlineData("camelcase", "http_server", "HttpServer")]
    [InlineData("camelcase", "already CamelCase", "AlreadyCamelcase")]
    [InlineData("camelcase", "v1_alpha2", "V1Alpha2")]
    [InlineData("snakecase", "HTTPServer", "http_server")]
    [InlineData("snakecase", "userID2Name", "user_id2_name")]
    [InlineData("snakecase", "ABC123def", "abc_123def")]
    [InlineData("snakecase", "a1B2", "a1_b2")]
    [InlineData("snakecase", "\u00c9t\u00e9Hiver", "\u00e9t\u00e9_hiver")]
    [InlineData("snakecase", "with space and-dash", "with_space_and_dash")]
    [InlineData("kebabcase", "MyAPIKey", "my-api-key")]
    [InlineData("initials", "Hello Big World", "HBW")]
    [InlineData("initials", "\u00e9t\u00e9 hiver", "\u00c3h")]
    [InlineData("nospace", " a b\tc\nd ", "abcd")]
    [InlineData("trim", "\t\n a \r\n", "a")]
    public void OneStringFunctions(string name, string s, string expected) =>
        Assert.Equal(expected, Print(name, s));

    [Fact]
    public void SubstrCutsBytesAndFailsLikeGo()
    {
        Assert.Equal("bc", Print("substr", 1L, 3L, "abcdef"));
        Assert.Equal("cdef", Print("substr", 2L, -1L, "abcdef"));
        Assert.Equal("\u00e9", Print("substr", 0L, 2L, "\u00e9t\u00e9"));
        Assert.Equal("runtime error: slice bounds out of range [4:2]", Error("substr", 4L, 2L, "abcdef"));
        Assert.Equal("runtime error: slice bounds out of range [5:3]", Error("substr", 5L, 10L, "abc"));
        Assert.Equal("runtime error: slice bounds out of range [:-5]", Error("substr", -5L, -5L, "abc"));
    }

    [Fact]
    public void RepeatRejectsNegativeCountsAndHugeResults()
    {
        Assert.Equal("strings: negative Repeat count", Error("repeat", -1L, "x"));
        Assert.Contains("exceeds the limit", Error("repeat", 1_000_000_000L, "xy"), StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteEscapesLikeGoAndSkipsNil()
    {
        Assert.Equal("\"a\" \"c\"", Print("quote", "a", null, "c"));
        Assert.Equal("\"tab\\there\"", Print("quote", "tab\there"));
        Assert.Equal("\"[1 x]\"", Print("quote", List(1L, "x")));
        Assert.Equal("\"1.5\"", Print("quote", 1.5));
        Assert.Equal("'it's' '1'", Print("squote", "it's", 1L));
        Assert.Equal("", Print("quote"));
    }

    [Fact]
    public void CatJoinsNonNilValues() => Assert.Equal("a 1 b", Print("cat", "a", 1L, null, "b"));

    [Fact]
    public void ReplaceWithEmptyOldInsertsBetweenRunes() =>
        Assert.Equal("-a-\u00e9-", Print("replace", "", "-", "a\u00e9"));

    [Fact]
    public void SplitFunctionsProduceGoTypes()
    {
        var parts = (GoMap)Call("split", ",", "a,b")!;
        Assert.Equal("map[string]string", parts.GoTypeName);
        Assert.Equal("map[_0:a _1:b]", GoFormat.FormatValue(parts));
        Assert.Equal("map[_0:a _1:b,c]", Print("splitn", ",", 2L, "a,b,c"));
        Assert.Equal("[a \u00e9 b]", Print("splitList", "", "a\u00e9b"));
        Assert.Equal("[]string", GoFormat.TypeName(Call("splitList", ",", "a")));
    }

    [Fact]
    public void JoinAndSortAlphaUseStringSlices()
    {
        Assert.Equal("1,2,3", Print("join", ",", List(1L, 2L, null, 3L)));
        Assert.Equal("5", Print("join", ",", 5L));
        Assert.Equal("", Print("join", ",", null));
        Assert.Equal("[1 A B _ a b]", Print("sortAlpha", List("b", "B", "a", "A", "_", "1")));
        Assert.Equal("[e f z \u00e9]", Print("sortAlpha", List("\u00e9", "e", "f", "z")));
        Assert.Equal("[<nil>]", Print("sortAlpha", (object?)null));
    }

    [Fact]
    public void IndentKeepsProvenanceOfTrackedText()
    {
        var origin = new ValueOrigin("values.yaml", 3, 5, "a");
        var text = new TrackedString("a: 1\nb: 2", [new OutputSegment(0, 9, "t.yaml", 1, 1, false, origin)]);

        var result = Assert.IsType<TrackedString>(Call("nindent", 2L, text));

        Assert.Equal("\n  a: 1\n  b: 2", result.Text);
        Assert.All(result.Segments, s => Assert.Equal(origin, s.Value));
        Assert.Equal("a: 1\n", result.Text.Substring(result.Segments[0].Start, result.Segments[0].Length));
        Assert.Equal("b: 2", result.Text.Substring(result.Segments[^1].Start, result.Segments[^1].Length));
    }

    [Fact]
    public void TrimReanchorsVerbatimSegments()
    {
        var text = new TrackedString("  x\ny ", [new OutputSegment(0, 6, "t", 4, 2, true, null)]);

        var result = Assert.IsType<TrackedString>(Call("trim", text));

        Assert.Equal("x\ny", result.Text);
        var seg = Assert.Single(result.Segments);
        Assert.Equal((0, 3, 4, 4), (seg.Start, seg.Length, seg.Line, seg.Column));
    }

    [Fact]
    public void QuoteKeepsProvenanceAcrossEscapes()
    {
        var text = new TrackedString("a\"b", ImmutableArray.Create(new OutputSegment(0, 3, "t", 1, 1, false, null)));

        var result = Assert.IsType<TrackedString>(Call("quote", text));

        Assert.Equal("\"a\\\"b\"", result.Text);
        var seg = Assert.Single(result.Segments);
        Assert.Equal((1, 4), (seg.Start, seg.Length));
    }

    [Fact]
    public void IndentReanchorsEachLineOfAVerbatimSegment()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => "line" + i).ToArray();
        var text = string.Join('\n', lines);
        var tracked = new TrackedString(text, [new OutputSegment(0, text.Length, "big.tpl", 10, 3, true, null)]);

        var result = Assert.IsType<TrackedString>(Call("indent", 2L, tracked));

        Assert.Equal(5000, result.Segments.Length);
        var last = result.Segments[^1];
        Assert.Equal(("line4999", 5009, 1), (result.Text.Substring(last.Start, last.Length), last.Line, last.Column));
        Assert.Equal((10, 3), (result.Segments[0].Line, result.Segments[0].Column));
    }

    [Fact]
    public void PlainInputGivesPlainStrings() => Assert.IsType<string>(Call("indent", 2L, "x"));
}
