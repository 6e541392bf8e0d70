using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

public class EncodingGoYamlTests
{
    private static string Print(string yaml) => GoFormat.FormatValue(GoYaml.Parse(yaml));

    private static object? Value(string scalar) => ((GoMap)GoYaml.Parse("v: " + scalar)!)["v"];

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("y", true)]
    [InlineData("off", false)]
    [InlineData("n", false)]
    [InlineData("NO", false)]
    [InlineData("False", false)]
    public void Yaml11BooleansAreBooleans(string scalar, bool expected) =>
        Assert.Equal(expected, Value(scalar));

    [Theory]
    [InlineData("0777", 511.0)]
    [InlineData("010", 8.0)]
    [InlineData("0x1F", 31.0)]
    [InlineData("0o17", 15.0)]
    [InlineData("0b101", 5.0)]
    [InlineData("1_000", 1000.0)]
    [InlineData("08", 8.0)]
    [InlineData("09.5", 9.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("0.1e1", 1.0)]
    [InlineData("8080", 8080.0)]
    [InlineData("18446744073709551615", 18446744073709551615.0)]
    public void NumbersBecomeFloat64(string scalar, double expected) =>
        Assert.Equal(expected, Assert.IsType<double>(Value(scalar)));

    [Theory]
    [InlineData("2020-01-02")]
    [InlineData("12:30")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("0x")]
    [InlineData("1,000")]
    [InlineData("'on'")]
    [InlineData("\"010\"")]
    [InlineData("!!str 123")]
    public void OtherScalarsStayStrings(string scalar) =>
        Assert.IsType<string>(Value(scalar));

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("")]
    public void NullSpellingsAreNil(string scalar) => Assert.Null(Value(scalar));

    [Fact]
    public void BooleanAndNumberKeysBecomeStrings() =>
        Assert.Equal("map[1:3 1.5:4 2020-01-02:5 false:2 true:1]", Print("on: 1\nn: 2\n1: 3\n1.5: 4\n2020-01-02: 5"));

    [Fact]
    public void MergeKeysCopyEntriesAndLaterKeysWin() =>
        Assert.Equal("map[w:3 x:1]", GoFormat.FormatValue(((GoMap)GoYaml.Parse("base: &b {x: 1, w: 2}\nb:\n  <<: *b\n  w: 3\n")!)["b"]));

    [Fact]
    public void MergeOfAListGivesEarlierMapsPrecedence() =>
        Assert.Equal("map[a:1 b:2]", GoFormat.FormatValue(((GoMap)GoYaml.Parse("x: &x {a: 1}\ny: &y {a: 9, b: 2}\nz:\n  <<: [*x, *y]\n")!)["z"]));

    [Fact]
    public void DuplicateKeysKeepTheLastValue() => Assert.Equal("map[a:2]", Print("a: 1\na: 2"));

    [Fact]
    public void OnlyTheFirstDocumentIsRead() => Assert.Equal("map[a:1]", Print("a: 1\n---\nb: 2"));

    [Fact]
    public void CrLfAndByteOrderMarkAreAccepted() => Assert.Equal("map[a:1 b:x]", Print("\uFEFFa: 1\r\nb: x\r\n"));

    [Fact]
    public void BinaryIsDecoded() => Assert.Equal("hello", Value("!!binary aGVsbG8="));

    [Fact]
    public void InfinityCannotBeConvertedToJson()
    {
        var ex = Assert.Throws<GoYamlException>(() => GoYaml.Parse("v: .inf"));
        Assert.Equal("error converting YAML to JSON: json: unsupported value: +Inf", ex.Message);
    }

    [Fact]
    public void SyntaxErrorsUseYamlV2Wording()
    {
        var ex = Assert.Throws<GoYamlException>(() => GoYaml.ParseMap("a: ["));
        Assert.Equal("error converting YAML to JSON: yaml: line 1: did not find expected node content", ex.Message);
    }

    [Theory]
    [InlineData("a: b: c", "yaml: mapping values are not allowed in this context")]
    [InlineData("a:\n  b: 1\n c: 2", "yaml: line 2: did not find expected key")]
    [InlineData("a: [1, 2", "yaml: line 1: did not find expected ',' or ']'")]
    public void ErrorLinesFollowYamlV2(string yaml, string expected) =>
        Assert.Equal("error converting YAML to JSON: " + expected, Assert.Throws<GoYamlException>(() => GoYaml.Parse(yaml)).Message);

    [Fact]
    public void UnknownAliasIsAnError() =>
        Assert.Contains("unknown anchor 'nope' referenced", Assert.Throws<GoYamlException>(() => GoYaml.Parse("a: *nope")).Message);

    [Fact]
    public void AliasBombFailsInsteadOfExpanding()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        var ex = Assert.Throws<GoYamlException>(() => GoYaml.Parse(string.Join('\n', lines)));
        Assert.Contains("excessive aliasing", ex.Message);
    }

    [Fact]
    public void FromYamlOfAListIsATypeError()
    {
        var ex = Assert.Throws<GoYamlException>(() => GoYaml.ParseMap("- a\n- b"));
        Assert.Equal("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}", ex.Message);
    }

    [Fact]
    public void ValuesAreChartutilValuesWithPlainNestedMaps()
    {
        var values = GoYaml.ParseValues("a:\n  b: 1\n", "values.yaml");
        Assert.Equal(GoMap.ValuesType, values.GoTypeName);
        Assert.Equal(GoMap.InterfaceMapType, Assert.IsType<GoMap>(values["a"]).GoTypeName);
    }

    [Fact]
    public void EmptyOrCommentOnlyValuesGiveAnEmptyMap()
    {
        Assert.Equal(0, GoYaml.ParseValues(string.Empty, "values.yaml").Count);
        Assert.Equal(0, GoYaml.ParseValues("# only a comment\n", "values.yaml").Count);
    }

    [Fact]
    public void EntriesAndItemsCarryTheirOrigins()
    {
        var values = GoYaml.ParseValues("image:\n  tag: v1\nports:\n  - 80\n  - 443\n", "charts/app/values.yaml");
        var image = Assert.IsType<GoMap>(values["image"]);
        Assert.Equal(new ValueOrigin("charts/app/values.yaml", 2, 3, "image.tag"), image.OriginOf("tag"));
        var ports = Assert.IsType<GoList>(values["ports"]);
        Assert.Equal(new ValueOrigin("charts/app/values.yaml", 5, 5, "ports[1]"), ports.OriginOf(1));
        Assert.Equal(new ValueOrigin("charts/app/values.yaml", 1, 1, "image"), values.OriginOf("image"));
    }

    // Found by fuzzing (fuzz/README.md): YamlDotNet throws InvalidOperationException or ArgumentException instead of a
    // YamlException on these; a values file or fromYaml text like them must still be a plain YAML error.
    [Theory]
    [InlineData("metadata:\n    metadata:\n      volumes:\n        - name: {etcd\n          volumeMounts:\n", 5)]
    [InlineData(":\n[\n0", 3)]
    [InlineData("...\0", 1)]
    [InlineData("a: !!+0", 1)]
    [InlineData("a: 1\nb: \"\\udd00\"", 2)]
    public void MalformedInputThatYamlDotNetRejectsWithoutAYamlExceptionIsAYamlError(string yaml, int line)
    {
        var ex = Assert.Throws<GoYamlException>(() => GoYaml.ParseValues(yaml, "values.yaml"));
        Assert.StartsWith("error converting YAML to JSON: yaml: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(line, ex.Line);
    }

    // Found by fuzzing (fuzz/README.md): a float key beyond float32's range made the key formatter throw FormatException.
    [Theory]
    [InlineData("-6E55: 1", "-.inf")]
    [InlineData("1e39: 1", ".inf")]
    [InlineData("1.5: 1", "1.5")]
    public void FloatKeysBeyondFloat32RangeBecomeInfinityKeys(string yaml, string key) =>
        Assert.Equal(key, Assert.Single(GoYaml.ParseMap(yaml)).Key);

    [Fact]
    public void Nesting_as_deep_as_yaml_v2_allows_is_read_on_a_small_stack_and_one_level_more_is_its_error()
    {
        // yaml.v2 accepts 10,000 levels (Go's stacks grow); a .NET thread of 256 KB must not overflow reading them.
        GoMap? deep = null;
        Exception? tooDeep = null;
        var thread = new Thread(
            () =>
            {
                deep = GoYaml.ParseValues("a: " + new string('[', 9_998) + new string(']', 9_998) + "\n", "values.yaml");
                tooDeep = Record.Exception(() => GoYaml.ParseValues("a: " + new string('[', 10_001) + new string(']', 10_001) + "\n", "values.yaml"));
            },
            256 * 1024);
        thread.Start();
        thread.Join();

        var level = deep!["a"];
        var depth = 0;
        while (level is GoList { Count: 1 } list)
        {
            level = list[0];
            depth++;
        }

        Assert.Equal(9_997, depth);
        Assert.Contains("exceeded max depth of 10000", Assert.IsType<GoYamlException>(tooDeep).Message, StringComparison.Ordinal);
    }
}
