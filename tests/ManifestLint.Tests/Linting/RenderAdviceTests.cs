using System.Text.Json;
using ManifestLint.Cli;
using ManifestLint.Linting;

namespace ManifestLint.Tests.Linting;

public sealed class RenderAdviceTests
{
    [Theory]
    [InlineData("{{ $_ := required \"password is required\" .Values.config.datasource.password }}", "config.datasource.password")]
    [InlineData("{{- required `set it` $.Values.tempoAddress.push }}", "tempoAddress.push")]
    [InlineData("{{ required \"a \\\"quoted\\\" message\" (.Values.image.tag) }}", "image.tag")]
    [InlineData("{{ .Values.ingress.host | required \"host!\" }}", "ingress.host")]
    [InlineData("{{ $root.Values.db-name.user | required \"user\" | quote }}", "db-name.user")]
    public void The_value_given_to_required_is_read_from_the_action(string action, string expected) =>
        Assert.Equal(expected, RenderAdvice.RequiredValue(action));

    [Theory]
    [InlineData("{{ required \"x\" .Release.Name }}")]
    [InlineData("{{ required \"x\" (include \"name\" .) }}")]
    [InlineData("{{ fail \"no\" }}")]
    public void Required_of_something_other_than_a_value_names_none(string action) =>
        Assert.Null(RenderAdvice.RequiredValue(action));

    [Fact]
    public void The_action_is_found_from_the_line_and_column_even_across_lines()
    {
        const string Text = "kind: Secret\ndata:\n  pw: {{ required \"pw\"\n        .Values.pw }}\n";
        Assert.Equal(" required \"pw\"\n        .Values.pw ", RenderAdvice.ActionAt(Text, 3, 10));
        Assert.Null(RenderAdvice.ActionAt(Text, 1, 1));
        Assert.Null(RenderAdvice.ActionAt(Text, 9, 1));
    }

    [Theory]
    [InlineData("charts/app", "charts/app/templates/x.yaml", "")]
    [InlineData("charts/app", "charts/app/charts/db/templates/x.yaml", "db.")]
    [InlineData("", "charts/db/charts/cache/templates/_h.tpl", "db.cache.")]
    [InlineData("charts/app", "other/templates/x.yaml", "")]
    public void A_subchart_template_requires_its_value_under_the_subchart_name(string chart, string template, string prefix) =>
        Assert.Equal(prefix, RenderAdvice.ValuesPrefix(chart, template));

    [Fact]
    public void Errors_that_are_not_a_charts_own_check_get_no_advice() =>
        Assert.Null(RenderAdvice.For("template: app/templates/x.yaml:3:4: executing \"x\" at <.Values.a.b>: nil pointer evaluating interface {}.b", "{{ .Values.a.b }}", 1, 4, "", "app"));

    [Fact]
    public void A_fail_names_fail_and_every_way_to_supply_values()
    {
        var advice = RenderAdvice.For("execution error at (app/templates/v.yaml:1:4): kafka is required", "{{- fail \"kafka is required\" }}", 1, 4, "", "deploy/app");
        Assert.Equal(
            "The chart stopped itself with `fail`. To lint it, give the values its message asks for with --set or --values, under charts.\"deploy/app\" (set or values) in .manifestlint.yaml, or in a ci/*-values.yaml of the chart linted with --chart-values-scenarios.",
            advice);
    }

    [Fact]
    public void A_lint_of_a_chart_stopped_by_required_names_the_value_and_how_to_set_it()
    {
        var dir = Directory.CreateTempSubdirectory("manifestlint-required-");
        try
        {
            var chart = Directory.CreateDirectory(Path.Combine(dir.FullName, "charts", "app", "templates")).Parent!.FullName;
            File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(chart, "values.yaml"), "db: {}\n");
            File.WriteAllText(
                Path.Combine(chart, "templates", "secret.yaml"),
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {{ required \"db.password must be set\" .Values.db.password | quote }}\n");

            var run = CliRun.Invoke(["lint", ".", "--format", "json"], workingDirectory: dir.FullName);

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Out);
            var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "helm-render");
            Assert.Equal("charts/app/templates/secret.yaml", finding.GetProperty("path").GetString());
            Assert.Equal(6, finding.GetProperty("startLine").GetInt32());
            Assert.Equal(
                "execution error at (app/templates/secret.yaml:6:15): db.password must be set. The chart requires the value `db.password`. To lint it, pass --set db.password=…, or add \"db.password=…\" to charts.\"charts/app\".set in .manifestlint.yaml, or give it in a ci/*-values.yaml of the chart and lint with --chart-values-scenarios.",
                finding.GetProperty("message").GetString());

            File.WriteAllText(
                Path.Combine(chart, "templates", "config.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n  annotations:\n    checksum: {{ include (print $.Template.BasePath \"/secret.yaml\") . | sha256sum }}\n");
            var viaInclude = CliRun.Invoke(["lint", ".", "--format", "json"], workingDirectory: dir.FullName);
            using var includeDoc = JsonDocument.Parse(viaInclude.Out);
            var outer = Assert.Single(includeDoc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("path").GetString() == "charts/app/templates/config.yaml");
            Assert.StartsWith("execution error at (app/templates/config.yaml:6:17): db.password must be set. The chart requires the value `db.password`.", outer.GetProperty("message").GetString(), StringComparison.Ordinal);

            var fixedRun = CliRun.Invoke(["lint", ".", "--format", "json", "--set", "db.password=x", "--fail-on", "none"], workingDirectory: dir.FullName);
            using var fixedDoc = JsonDocument.Parse(fixedRun.Out);
            Assert.DoesNotContain(fixedDoc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "helm-render");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
