using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Policy;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Tests.Policy;

public class SuppressionPolicyTests
{
    private static readonly ImmutableDictionary<string, Severity> NoOverrides = ImmutableDictionary<string, Severity>.Empty;

    private static Resource Pod(string annotations)
    {
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n" + annotations + "spec: {}\n";
        var document = YamlLoader.Load(new SourceFile("pod.yaml", yaml)).Documents.Single();
        return ResourceReader.Read(document, "default", new ResourceOrigin("pod.yaml", 0), out _).Single();
    }

    private static Finding On(Resource resource, string ruleId, Severity severity = Severity.Error) =>
        new(ruleId, severity, $"{ruleId} fired", SourceSpan.At("pod.yaml", 7, 1), resource, "spec", []);

    [Fact]
    public void Annotation_with_a_reason_suppresses_that_rule_only()
    {
        var pod = Pod("    ignore-check.manifestlint.io/host-pid: \"needs the host's process table (SEC-1)\"\n");

        var result = SuppressionPolicy.Apply([On(pod, "host-pid"), On(pod, "host-ipc")], NoOverrides);

        var suppressed = Assert.Single(result, f => f.RuleId == "host-pid").Suppression;
        Assert.NotNull(suppressed);
        Assert.Equal(SuppressionKind.InSource, suppressed.Kind);
        Assert.Equal("needs the host's process table (SEC-1)", suppressed.Justification);
        Assert.Equal((6, 44), (suppressed.Location?.StartLine, suppressed.Location?.StartColumn));
        Assert.Null(Assert.Single(result, f => f.RuleId == "host-ipc").Suppression);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("")]
    public void Annotation_without_a_reason_suppresses_nothing_and_is_reported(string value)
    {
        var pod = Pod($"    ignore-check.manifestlint.io/host-pid: {value}\n");

        var result = SuppressionPolicy.Apply([On(pod, "host-pid")], NoOverrides);

        Assert.Null(Assert.Single(result, f => f.RuleId == "host-pid").Suppression);
        var problem = Assert.Single(result, f => f.RuleId == InputProblems.SuppressionWithoutReason.Id);
        Assert.Equal(6, problem.Span.StartLine);
        Assert.Same(pod, problem.Subject);
        Assert.Equal(Severity.Warning, problem.Severity);
    }

    [Fact]
    public void All_suppresses_every_rule_but_a_specific_reason_wins()
    {
        var pod = Pod("    ignore-check.manifestlint.io/all: \"sandbox namespace\"\n    ignore-check.manifestlint.io/host-pid: \"debugger\"\n");

        var result = SuppressionPolicy.Apply([On(pod, "host-pid"), On(pod, "host-ipc")], NoOverrides);

        Assert.Equal("debugger", result.Single(f => f.RuleId == "host-pid").Suppression?.Justification);
        Assert.Equal("sandbox namespace", result.Single(f => f.RuleId == "host-ipc").Suppression?.Justification);
    }

    [Fact]
    public void All_does_not_silence_the_check_for_reasons()
    {
        var pod = Pod("    ignore-check.manifestlint.io/all: \"sandbox\"\n    ignore-check.manifestlint.io/host-pid: \"\"\n");

        var result = SuppressionPolicy.Apply([On(pod, "host-pid")], NoOverrides);

        Assert.False(Assert.Single(result, f => f.RuleId == InputProblems.SuppressionWithoutReason.Id).IsSuppressed);
    }

    [Fact]
    public void Unknown_rule_ids_are_reported_with_a_suggestion_when_ids_are_known()
    {
        var pod = Pod("    ignore-check.manifestlint.io/host-pids: \"typo\"\n    ignore-check.manifestlint.io/all: \"fine\"\n");
        var known = new HashSet<string>(StringComparer.Ordinal) { "host-pid", "host-ipc" };

        var result = SuppressionPolicy.Apply([], NoOverrides, [pod], known);

        var problem = Assert.Single(result);
        Assert.Equal(PolicyProblems.SuppressionUnknownRule.Id, problem.RuleId);
        Assert.Contains("did you mean 'host-pid'?", problem.Message, StringComparison.Ordinal);
        Assert.Equal(6, problem.Span.StartLine);
    }

    [Fact]
    public void Resources_without_findings_are_examined_when_given()
    {
        var pod = Pod("    ignore-check.manifestlint.io/host-pid: \"\"\n");

        Assert.Empty(SuppressionPolicy.Apply([], NoOverrides));
        Assert.Single(SuppressionPolicy.Apply([], NoOverrides, [pod], knownRuleIds: null));
    }

    [Fact]
    public void Severity_overrides_apply_to_every_finding_of_the_rule()
    {
        var pod = Pod("    team: shop\n");
        var input = new Finding("yaml-syntax", Severity.Error, "bad", SourceSpan.At("x.yaml", 1, 1), null, null, []);
        var overrides = ImmutableDictionary<string, Severity>.Empty.Add("host-pid", Severity.Note).Add("yaml-syntax", Severity.Warning);

        var result = SuppressionPolicy.Apply([On(pod, "host-pid"), On(pod, "host-ipc"), input], overrides);

        Assert.Equal(Severity.Note, result.Single(f => f.RuleId == "host-pid").Severity);
        Assert.Equal(Severity.Error, result.Single(f => f.RuleId == "host-ipc").Severity);
        Assert.Equal(Severity.Warning, result.Single(f => f.RuleId == "yaml-syntax").Severity);
    }

    [Fact]
    public void Input_problems_without_a_subject_are_never_suppressed()
    {
        var input = new Finding("yaml-syntax", Severity.Error, "bad", SourceSpan.At("x.yaml", 1, 1), null, null, []);

        Assert.False(Assert.Single(SuppressionPolicy.Apply([input], NoOverrides)).IsSuppressed);
    }

    [Fact]
    public void Result_is_sorted_and_deduplicates_problems_of_a_resource_seen_twice()
    {
        var pod = Pod("    ignore-check.manifestlint.io/host-pid: \"\"\n");
        var later = new Finding("host-ipc", Severity.Error, "x", SourceSpan.At("pod.yaml", 9, 1), pod, "spec", []);

        var result = SuppressionPolicy.Apply([later, On(pod, "host-pid"), On(pod, "host-pid")], NoOverrides, [pod, pod], null);

        Assert.Single(result, f => f.RuleId == InputProblems.SuppressionWithoutReason.Id);
        Assert.Equal(result.OrderBy(f => f.Span).Select(f => f.Span), result.Select(f => f.Span));
    }
}
