using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

public class EncodingGoYamlWriterTests
{
    private static GoList List(params object?[] items) => new(items);

    private static GoMap Map(params (string Key, object? Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)));

    private static string Yaml(object? value) => GoYamlWriter.ToYaml(value).Text;

    [Fact]
    public void KeysAreSortedAndSequencesInMapsAreNotIndented() =>
        Assert.Equal("a: 1\nb: 2\nc:\n  w: null\n  z:\n  - 1\n  - 2", Yaml(GoYaml.Parse("{b: 2, a: 1, c: {z: [1, 2], w: ~}}")));

    [Fact]
    public void StringsThatReadBackAsOtherTypesAreQuoted() =>
        Assert.Equal(
            "- \"yes\"\n- \"on\"\n- \"n\"\n- \"null\"\n- \"~\"\n- \"0777\"\n- \"1e3\"\n- \"1_000\"\n- \"2020-01-02\"\n- \"12:30\"\n- \"\"",
            Yaml(List("yes", "on", "n", "null", "~", "0777", "1e3", "1_000", "2020-01-02", "12:30", string.Empty)));

    [Fact]
    public void IndicatorsAndEdgeSpacesUseSingleQuotes() =>
        Assert.Equal("- ' '\n- 'a: b'\n- '- x'\n- '#'\n- ' lead'\n- 'trail '", Yaml(List(" ", "a: b", "- x", "#", " lead", "trail ")));

    [Fact]
    public void ControlAndAstralCharactersAreEscaped() =>
        Assert.Equal("- \"\\ttab\"\n- \"\\abell\"\n- \"\\U0001F600\"", Yaml(List("\ttab", "\u0007bell", "😀")));

    [Fact]
    public void MultiLineStringsAreLiteralBlocks() =>
        Assert.Equal("- |-\n  a\n  b\n- |\n  a\n- |2+\n\n- |-\n  x\n\n  y", Yaml(List("a\nb", "a\n", "\n", "x\n\ny")));

    [Fact]
    public void NumbersPrintAsYamlV2ReadsTheirJson() =>
        Assert.Equal("- 1000000\n- 1e+21\n- 1e-06\n- 0\n- 12345678901\n- 1.5", Yaml(List(1000000L, 1e21, 0.000001, -0.0, 12345678901L, 1.5)));

    [Fact]
    public void EmptyCollectionsAreFlow() => Assert.Equal("- []\n- {}\n- - - 1", Yaml(List(List(), Map(), List(List(1L)))));

    [Fact]
    public void NaturalKeyOrder() => Assert.Equal("a2: 1\na10: 2", Yaml(Map(("a10", 2L), ("a2", 1L))));

    [Fact]
    public void LongPlainStringsFoldAfterColumn80()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 30));
        var lines = Yaml(Map(("k", text))).Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("  word", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedValuesFail() =>
        Assert.Throws<GoJsonException>(() => GoYamlWriter.ToYaml(Map(("a", double.NaN))));

    [Fact]
    public void MarshalKeepsTheFinalNewline() => Assert.Equal("a: 1\n", GoYamlWriter.Marshal(Map(("a", 1.0))));

    [Fact]
    public void EachLinePointsAtTheValuesEntryItRenders()
    {
        var values = GoYaml.ParseValues("securityContext:\n  runAsUser: 1000\n  capabilities:\n    drop: [ALL]\n", "values.yaml");
        var result = GoYamlWriter.ToYaml(values["securityContext"], values.OriginOf("securityContext"));
        Assert.Equal("capabilities:\n  drop:\n  - ALL\nrunAsUser: 1000", result.Text);
        var byLine = result.Segments.ToDictionary(s => result.Text[s.Start..(s.Start + s.Length)], s => s.Value!.Line);
        Assert.Equal(3, byLine["capabilities:"]);
        Assert.Equal(4, byLine["  drop:"]);
        Assert.Equal(4, byLine["  - ALL"]);
        Assert.Equal(2, byLine["runAsUser: 1000"]);
        Assert.Equal("securityContext.runAsUser", result.Segments[^1].Value!.Path);
    }
}
