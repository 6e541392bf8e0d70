using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

public class EncodingGoJsonTests
{
    private static GoMap Map(params (string Key, object? Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)));

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(8080.0, "8080")]
    public void FloatsPrintAsGo(double value, string expected) => Assert.Equal(expected, GoJson.Marshal(value));

    [Fact]
    public void KeysSortedAndHtmlEscaped() =>
        Assert.Equal("{\"B\":3,\"a\":\"\\u003cv\\u003e\",\"b\":\"\\u2028\"}", GoJson.Marshal(Map(("b", "\u2028"), ("a", "<v>"), ("B", 3L))));

    [Fact]
    public void RawModeKeepsHtml() => Assert.Equal("\"<br>\"", GoJson.Marshal("<br>", escapeHtml: false));

    [Fact]
    public void IndentedOutputKeepsEmptyCollectionsCompact() =>
        Assert.Equal("{\n  \"a\": [\n    1\n  ],\n  \"e\": {}\n}", GoJson.Marshal(Map(("a", new GoList([1L])), ("e", new GoMap())), indent: "  "));

    [Fact]
    public void NaNIsUnsupported() =>
        Assert.Equal("json: unsupported value: NaN", Assert.Throws<GoJsonException>(() => GoJson.Marshal(double.NaN)).Message);

    [Theory]
    [InlineData("{bad", "invalid character 'b' looking for beginning of object key string")]
    [InlineData("{\"a\": 1} trailing", "invalid character 't' after top-level value")]
    [InlineData("", "unexpected end of JSON input")]
    [InlineData("[", "unexpected end of JSON input")]
    [InlineData("[1 2]", "invalid character '2' after array element")]
    [InlineData("tru", "unexpected end of JSON input")]
    [InlineData("nul!", "invalid character '!' in literal null (expecting 'l')")]
    public void SyntaxErrorsUseGoWording(string text, string expected) =>
        Assert.Equal(expected, Assert.Throws<GoJsonException>(() => GoJson.Parse(text)).Message);

    [Fact]
    public void NumbersAreFloat64AndDuplicateKeysKeepTheLast()
    {
        Assert.Equal("map[a:2 n:1.2345678901234567e+19]", GoFormat.FormatValue(GoJson.Parse("{\"n\": 12345678901234567890, \"a\": 1, \"a\": 2}")));
        Assert.IsType<double>(GoJson.Parse("1"));
    }

    [Fact]
    public void EscapesAreDecoded() => Assert.Equal("a\"\n😀\uFFFD", GoJson.Parse("\"a\\\"\\n\\ud83d\\ude00\\ud800\""));
}
