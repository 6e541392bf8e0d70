using System.Collections.Immutable;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

public class HelmFunctionsTests
{
    private static readonly IReadOnlyDictionary<string, TemplateFunction> Functions = HelmFunctions.Create();

    private static object? Call(string name, params object?[] args) => Call(new FakeRuntime(), name, args);

    private static object? Call(FakeRuntime runtime, string name, params object?[] args) =>
        Functions[name].Body(new FunctionCall(args, new ValueOrigin?[args.Length], runtime));

    private static string Print(string name, params object?[] args) => GoFormat.FormatValue(Call(name, args));

    private static string Error(FakeRuntime runtime, string name, params object?[] args) =>
        Assert.Throws<TemplateFunctionException>(() => Call(runtime, name, args)).Message;

    [Fact]
    public void ToYamlDropsTheFinalNewlineAndKeepsProvenance()
    {
        var values = GoYaml.ParseValues("m:\n  k: v\n", "values.yaml");
        var args = new object?[] { values["m"] };
        var result = Functions["toYaml"].Body(new FunctionCall(args, [values.OriginOf("m")], new FakeRuntime()));
        var tracked = Assert.IsType<TrackedString>(result);
        Assert.Equal("k: v", tracked.Text);
        Assert.Equal(2, Assert.Single(tracked.Segments).Value!.Line);
    }

    [Fact]
    public void ToYamlAndToJsonSwallowMarshalErrors()
    {
        Assert.Equal(string.Empty, GoFormat.FormatValue(Call("toYaml", double.NaN)));
        Assert.Equal(string.Empty, Call("toJson", double.PositiveInfinity));
    }

    [Fact]
    public void FromYamlReportsErrorsInTheMap()
    {
        Assert.Equal("map[Error:error converting YAML to JSON: yaml: line 1: did not find expected node content]", Print("fromYaml", "a: ["));
        Assert.Equal("map[]", Print("fromYaml", "~"));
        Assert.Equal("[true false]", Print("fromYamlArray", "- y\n- n"));
        Assert.Equal("[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]", Print("fromYamlArray", "a: 1"));
    }

    [Fact]
    public void FromJsonReportsErrorsInTheMap()
    {
        Assert.Equal("map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]", Print("fromJson", "[1, 2]"));
        Assert.Equal("map[]", Print("fromJson", "null"));
        Assert.Equal("[unexpected end of JSON input]", Print("fromJsonArray", "["));
    }

    [Fact]
    public void ToTomlReturnsEncoderErrorsAsText() =>
        Assert.Equal("toml: top-level values must be Go maps or structs", Call("toToml", new GoList([1L])));

    [Fact]
    public void RequiredTreatsTheMessageAsAFormat()
    {
        Assert.Equal("100%!n(MISSING)eeded", Error(new FakeRuntime(), "required", "100% needed", null));
        Assert.Equal("need v", Error(new FakeRuntime(), "required", "need v", string.Empty));
        Assert.Equal(0.0, Call("required", "need v", 0.0));
        Assert.Equal(false, Call("required", "need v", false));
    }

    [Fact]
    public void FailUsesTheMessageVerbatim() => Assert.Equal("100%", Error(new FakeRuntime(), "fail", "100%"));

    [Fact]
    public void LookupAndGetHostByNameAreOffline()
    {
        Assert.Equal("map[]", Print("lookup", "v1", "Secret", "ns", "name"));
        Assert.Equal(string.Empty, Call("getHostByName", "example.com"));
    }

    [Fact]
    public void IncludeExecutesTheNamedTemplate()
    {
        var runtime = new FakeRuntime { Output = "[x]" };
        Assert.Equal("[x]", GoFormat.FormatValue(Call(runtime, "include", "echo", "x")));
        Assert.Equal("echo", runtime.LastName);
    }

    [Fact]
    public void IncludeRefusesMoreThanAThousandNestedCalls()
    {
        Assert.NotNull(Call(new FakeRuntime { Active = 1000 }, "include", "deep", null));
        Assert.Equal(
            "rendering template has a nested reference name: deep: unable to execute template",
            Error(new FakeRuntime { Active = 1001 }, "include", "deep", null));
    }

    [Fact]
    public void IncludeWrapsTemplateErrors()
    {
        var runtime = new FakeRuntime { Failure = new TemplateException("template: no template \"nope\" associated with template \"gotpl\"", "nope", 0, 0, TemplateErrorKind.Execution) };
        Assert.Equal("template: no template \"nope\" associated with template \"gotpl\"", Error(runtime, "include", "nope", null));
    }

    [Fact]
    public void TplWordsParseAndExecutionErrorsLikeHelm()
    {
        var parse = new FakeRuntime { Failure = new TemplateException("template: gotpl:1: missing value for if", "gotpl", 1, 0, TemplateErrorKind.Parse) };
        Assert.Equal("cannot parse template \"{{ if }}\": template: gotpl:1: missing value for if", Error(parse, "tpl", "{{ if }}", null));
        var exec = new FakeRuntime { Failure = new TemplateException("template: gotpl:1:3: boom", "gotpl", 1, 3, TemplateErrorKind.Execution) };
        Assert.Equal("error during tpl function execution for \"{{ x }}\": template: gotpl:1:3: boom", Error(exec, "tpl", "{{ x }}", null));
    }

    [Fact]
    public void TplRemovesNoValueAndShiftsSegments()
    {
        var segment = new OutputSegment(10, 3, "gotpl", 1, 1, true, null);
        var runtime = new FakeRuntime { Tracked = new TrackedString("<no value>abc", [segment]) };
        var result = Assert.IsType<TrackedString>(Call(runtime, "tpl", "{{ .x }}abc", null));
        Assert.Equal("abc", result.Text);
        Assert.Equal(0, Assert.Single(result.Segments).Start);
        Assert.Equal("gotpl", runtime.LastName);
    }

    [Fact]
    public void TplRemovesEveryNoValueAndCutsAVerbatimSegmentAroundThem()
    {
        var text = "a<no value>b<no value>c";
        var runtime = new FakeRuntime { Tracked = new TrackedString(text, [new OutputSegment(0, text.Length, "gotpl", 1, 1, true, null)]) };
        var result = Assert.IsType<TrackedString>(Call(runtime, "tpl", "a{{ .x }}b{{ .y }}c", null));
        Assert.Equal("abc", result.Text);
        Assert.Equal([(0, 1, 1), (1, 1, 12), (2, 1, 23)], result.Segments.Select(s => (s.Start, s.Length, s.Column)));
    }

    [Fact]
    public void TplRemovalAfterALineBreakKeepsTheTemplateLineOfWhatFollows()
    {
        var text = "a\n  <no value>b";
        var runtime = new FakeRuntime { Tracked = new TrackedString(text, [new OutputSegment(0, text.Length, "gotpl", 4, 7, true, null)]) };
        var result = Assert.IsType<TrackedString>(Call(runtime, "tpl", "a\n  {{ .x }}b", null));
        Assert.Equal("a\n  b", result.Text);
        Assert.Equal([(0, 4, 4, 7), (4, 1, 5, 13)], result.Segments.Select(s => (s.Start, s.Length, s.Line, s.Column)));
    }

    [Fact]
    public void ValuesMethodsExistOnlyOnChartutilValues()
    {
        var values = GoYaml.ParseValues("a:\n  b:\n    c: 1\n", "values.yaml");
        Assert.True(ChartutilValuesMethods.TryGetMethod(values, "Table", out var table));
        var runtime = new FakeRuntime();
        var found = table!.Body(new FunctionCall(["a.b"], [null], runtime));
        Assert.Equal("map[c:1]", GoFormat.FormatValue(found));
        Assert.Equal(GoMap.ValuesType, Assert.IsType<GoMap>(found).GoTypeName);
        Assert.Equal("\"x\" is not a table", Assert.Throws<TemplateFunctionException>(() => table.Body(new FunctionCall(["a.x"], [null], runtime))).Message);
        Assert.False(ChartutilValuesMethods.TryGetMethod((GoMap)values["a"]!, "AsMap", out _));
    }

    [Fact]
    public void PathValueFindsOnlyLeaves()
    {
        var values = GoYaml.ParseValues("a:\n  b:\n    c: 1\n", "values.yaml");
        ChartutilValuesMethods.TryGetMethod(values, "PathValue", out var pathValue);
        var runtime = new FakeRuntime();
        Assert.Equal(1.0, pathValue!.Body(new FunctionCall(["a.b.c"], [null], runtime)));
        Assert.Equal("\"b\" is not a value", Assert.Throws<TemplateFunctionException>(() => pathValue.Body(new FunctionCall(["a.b"], [null], runtime))).Message);
    }

    [Fact]
    public void AsMapAndYamlMethods()
    {
        var values = GoYaml.ParseValues("b: 1\na: x\n", "values.yaml");
        ChartutilValuesMethods.TryGetMethod(values, "AsMap", out var asMap);
        ChartutilValuesMethods.TryGetMethod(values, "YAML", out var yaml);
        var runtime = new FakeRuntime();
        Assert.Equal(GoMap.InterfaceMapType, Assert.IsType<GoMap>(asMap!.Body(new FunctionCall([], [], runtime))).GoTypeName);
        Assert.Equal("a: x\nb: 1\n", yaml!.Body(new FunctionCall([], [], runtime)));
    }

    /// <summary>Stands in for the evaluator: returns a fixed output, or fails, and records what was asked.</summary>
    private sealed class FakeRuntime : ITemplateRuntime
    {
        public string Output { get; init; } = string.Empty;

        public TrackedString? Tracked { get; init; }

        public TemplateException? Failure { get; init; }

        public int Active { get; init; }

        public string? LastName { get; private set; }

        public CancellationToken CancellationToken => CancellationToken.None;

        public Random Random { get; } = new(1);

        public DateTimeOffset Now => DateTimeOffset.UnixEpoch;

        public TrackedString ExecuteTemplate(string name, object? data) => Run(name);

        public TrackedString ExecuteText(string name, string text, object? data) => Run(name);

        public int ActiveCalls(string name) => Active;

        private TrackedString Run(string name)
        {
            LastName = name;
            if (Failure is not null)
                throw Failure;
            return Tracked ?? new TrackedString(Output, ImmutableArray<OutputSegment>.Empty);
        }
    }
}
