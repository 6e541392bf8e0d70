using System.Diagnostics;
using System.Text;

namespace ManifestLint.Templates.Tests;

/// <summary>Hostile templates end with a clear error quickly, never a hang or a crashed process.</summary>
public sealed class SafetyLimitTests
{
    private static TemplateException Fails(TemplateSet set, ExecutionOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<TemplateException>(() => set.Execute("main", null, options));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "took " + clock.Elapsed);
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
