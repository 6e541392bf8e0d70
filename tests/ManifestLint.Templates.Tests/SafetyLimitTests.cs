using System.Diagnostics;
using System.Text;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;

namespace ManifestLint.Templates.Tests;

/// <summary>
/// Hostile templates end with a clear error, never a hang or a crashed process. The clock here only catches a hang
/// (each case takes well under a second on an idle machine; the hostile benchmark measures them): it allows for a
/// loaded machine, where other processes can slow a case tenfold.
/// </summary>
public sealed class SafetyLimitTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static TemplateException Fails(TemplateSet set, ExecutionOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<TemplateException>(() => set.Execute("main", null, options));
        Assert.True(clock.Elapsed < HangGuard, "took " + clock.Elapsed);
        return ex;
    }

    [Fact]
    public void Infinite_template_recursion_hits_the_depth_limit()
    {
        var ex = Fails(TemplateEngineTests.Parse("{{ define \"x\" }}{{ template \"x\" . }}{{ end }}{{ template \"x\" . }}"));
        Assert.Equal(TemplateErrorKind.Limit, ex.Kind);
        Assert.Contains("exceeded maximum template depth (10000)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_include_recursion_hits_the_depth_limit()
    {
        var ex = Fails(TemplateEngineTests.Parse("{{ define \"x\" }}{{ include \"x\" . }}{{ end }}{{ include \"x\" . }}"));
        Assert.Contains("exceeded maximum template depth", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_size_is_bounded()
    {
        var set = TemplateEngineTests.Parse("{{ range 100000000 }}xxxxxxxxxx{{ end }}");
        var ex = Fails(set, new ExecutionOptions { MaxOutputLength = 1_000_000 });
        Assert.Equal(TemplateErrorKind.Limit, ex.Kind);
        Assert.Contains("output exceeds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_are_bounded()
    {
        var ex = Fails(TemplateEngineTests.Parse("{{ range 100000000 }}{{ end }}"), new ExecutionOptions { MaxSteps = 100_000 });
        Assert.Contains("steps", ex.Message, StringComparison.Ordinal);
    }

    private static TemplateSet WithSprig(string text) =>
        TemplateSet.Parse([("main", text)], new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] });

    [Fact]
    public void Tpl_that_includes_itself_ends_with_helms_nested_reference_error_wrapped_at_every_level()
    {
        var ex = Fails(WithSprig("{{ define \"t\" }}{{ tpl \"{{ include \\\"t\\\" . }}\" . }}{{ end }}{{ include \"t\" . }}"));
        Assert.Equal(TemplateErrorKind.Execution, ex.Kind);
        const string Level = "error calling include: template: main:1:19: executing \"t\" at <tpl \"{{ include \\\"t\\\" . }}\" .>: error calling tpl: "
            + "error during tpl function execution for \"{{ include \\\"t\\\" . }}\": template: gotpl:1:3: executing \"gotpl\" at <include \"t\" .>: ";
        Assert.StartsWith("template: main:1:63: executing \"main\" at <include \"t\" .>: " + Level + Level, ex.Message, StringComparison.Ordinal);
        Assert.EndsWith(Level + "error calling include: rendering template has a nested reference name: t: unable to execute template", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1001, (ex.Message.Length - ex.Message.Replace(Level, string.Empty, StringComparison.Ordinal).Length) / Level.Length);
    }

    [Fact]
    public void A_string_doubled_in_a_loop_stops_at_the_string_limit_not_at_the_end_of_memory()
    {
        var ex = Fails(WithSprig("{{ $s := \"xxxxxxxxxxxxxxxx\" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}{{ len $s }}"));
        Assert.Equal(TemplateErrorKind.Limit, ex.Kind);
        Assert.Contains("<print $s $s>: the result of print (134217728 characters) exceeds the limit of 67108864 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_doubled_in_a_loop_stops_at_the_list_limit()
    {
        var ex = Fails(WithSprig("{{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}{{ len $l }}"));
        Assert.Equal(TemplateErrorKind.Limit, ex.Kind);
        Assert.Contains("the result of concat (1048576 items) exceeds the limit of 1000000 items", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToYaml_of_a_value_that_shares_entries_exponentially_is_refused()
    {
        var ex = Fails(WithSprig("{{ $d := dict }}{{ range until 40 }}{{ $d = dict \"a\" $d \"b\" $d }}{{ end }}{{ toYaml $d }}"));
        Assert.Contains("error calling toYaml: the value is too large to encode (more than 1000000 values)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_backtracks_exponentially_matches_in_linear_time_as_in_re2()
    {
        var set = WithSprig("{{ regexMatch \"(a+)+$\" \"" + new string('a', 5000) + "!\" }}");
        var clock = Stopwatch.StartNew();
        var text = set.Execute("main", null).Text;
        Assert.Equal("false", text);
        Assert.True(clock.Elapsed < HangGuard, "took " + clock.Elapsed);
    }

    [Fact]
    public void Cancellation_stops_execution()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            TemplateEngineTests.Parse("{{ range 100000000 }}{{ end }}").Execute("main", null, new ExecutionOptions { CancellationToken = cts.Token }));
    }

    [Fact]
    public void Deeply_nested_controls_do_not_overflow_the_stack()
    {
        const int depth = 5000;
        var text = new StringBuilder().Insert(0, "{{ if true }}", depth).Append('x').Insert(0, "", 1).ToString()
            + string.Concat(Enumerable.Repeat("{{ end }}", depth));
        Assert.Equal("x", TemplateEngineTests.Render(text));
    }

    [Fact]
    public void Nesting_beyond_Gos_limit_is_a_parse_error()
    {
        var text = "{{ " + new string('(', 10001) + "1" + new string(')', 10001) + " }}";
        var ex = Assert.Throws<TemplateException>(() => TemplateEngineTests.Parse(text));
        Assert.Equal("template: main:1: max expression depth exceeded", ex.Message);
    }

    [Fact]
    public void Deeply_nested_parentheses_do_not_overflow_the_stack()
    {
        const int depth = 9000;
        var text = new StringBuilder("{{ ").Append('(', depth).Append("1").Append(')', depth).Append(" }}").ToString();
        Assert.Equal("1", TemplateEngineTests.Render(text));
    }
}
