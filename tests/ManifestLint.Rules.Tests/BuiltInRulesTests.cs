using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Rules;
using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests;

/// <summary>Checks every rule in the registry for the properties users and the tooling rely on.</summary>
public sealed partial class BuiltInRulesTests
{
    [Fact]
    public void Ids_are_kebab_case_and_unique()
    {
        var ids = BuiltInRules.All.Select(r => r.Info.Id).ToList();
        Assert.All(ids, id => Assert.Matches(KebabCase(), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Registry_is_sorted_by_id()
    {
        var ids = BuiltInRules.All.Select(r => r.Info.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        // The hand-written list is kept in id order in the source too, so additions land in one obvious place.
        var written = BuiltInRules.HandWritten.Select(r => r.Info.Id).ToList();
        Assert.Equal(written.Order(StringComparer.Ordinal), written);
    }

    [Fact]
    public void Registry_lists_every_rule_class()
    {
        var classes = RuleClasses().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        var registered = BuiltInRules.All.Select(r => r.GetType().FullName!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(classes, registered);
    }

    [Fact]
    public void A_rule_class_with_a_parameterless_constructor_is_registered_exactly_once()
    {
        // One class, one rule. Classes that take their check as constructor data (kube-linter-style
        // templates) are the exception: they are registered once per check.
        var counts = BuiltInRules.All.GroupBy(r => r.GetType()).ToDictionary(g => g.Key, g => g.Count());
        var repeated = RuleClasses()
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null && counts.GetValueOrDefault(t) != 1)
            .Select(t => $"{t.Name} x{counts.GetValueOrDefault(t)}")
            .ToList();
        Assert.Empty(repeated);
    }

    [Theory]
    [MemberData(nameof(RuleFixtures.RuleIds), MemberType = typeof(RuleFixtures))]
    public void Class_name_is_the_pascal_case_of_the_id(string id)
    {
        var rule = RuleFixtures.Rule(id);
        if (rule is ControlPlane.ComponentCheckRule data)
            Assert.Equal(id, data.Definition.Id); // checks as data: the table entry carries the id
        else
            Assert.Equal(PascalCase(id), rule.GetType().Name);
    }

    [Theory]
    [MemberData(nameof(RuleFixtures.RuleIds), MemberType = typeof(RuleFixtures))]
    public void Rule_has_fires_and_silent_fixtures(string id)
    {
        Assert.NotEmpty(RuleFixtures.Of(id, "fires-"));
        Assert.NotEmpty(RuleFixtures.Of(id, "silent-"));
    }

    [Fact]
    public void Every_fixture_folder_belongs_to_a_rule()
    {
        var ids = BuiltInRules.All.Select(r => r.Info.Id).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.EnumerateDirectories(RepositoryPaths.RuleFixtures)
            .Select(Path.GetFileName)
            .Where(name => !ids.Contains(name!))
            .ToList();
        Assert.Empty(orphans);
    }

    [Theory]
    [MemberData(nameof(RuleFixtures.RuleIds), MemberType = typeof(RuleFixtures))]
    public void Empty_graph_gives_no_findings(string id)
    {
        var rule = RuleFixtures.Rule(id);
        Assert.Empty(RuleRunner.Run(ResourceGraph.Empty, [(rule, rule.DefaultOptions)]));
    }

    [Theory]
    [MemberData(nameof(RuleFixtures.RuleIds), MemberType = typeof(RuleFixtures))]
    public void Metadata_is_complete(string id)
    {
        var info = RuleFixtures.Rule(id).Info;
        Assert.False(string.IsNullOrWhiteSpace(info.Summary), "Summary");
        Assert.False(string.IsNullOrWhiteSpace(info.Rationale), "Rationale");
        Assert.False(string.IsNullOrWhiteSpace(info.Remediation), "Remediation");
        Assert.Matches(@"^\d+\.\d+\.\d+$", info.Since);
        Assert.EndsWith(".", info.Remediation.TrimEnd(), StringComparison.Ordinal);
        Assert.False(info.Summary.TrimEnd().EndsWith('.'), "Summary is a title and has no final period");
        Assert.InRange(info.EffectiveSecuritySeverity, 0.1, 10.0);
        Assert.False(info.References.IsDefaultOrEmpty, "at least one reference");
        Assert.All(info.References, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.StartsWith("https://", r.Url, StringComparison.Ordinal);
        });
        Assert.Equal($"https://github.com/manifestlint/manifestlint/blob/main/rules/{id}.md", info.HelpUri);
    }

    [Theory]
    [MemberData(nameof(RuleFixtures.RuleIds), MemberType = typeof(RuleFixtures))]
    public void Every_finding_has_a_subject_and_a_span_inside_its_file(string id)
    {
        var rule = RuleFixtures.Rule(id);
        var problems = new StringBuilder();
        foreach (var file in RuleFixtures.Of(id))
        {
            var v = RuleVerifier.Run(rule, file);
            foreach (var f in v.Findings)
            {
                var s = f.Span;
                var inside = s.Path == v.File.Path
                    && s.StartLine >= 1 && s.StartLine <= v.File.LineCount && s.StartColumn >= 1
                    && (s.EndLine > s.StartLine || (s.EndLine == s.StartLine && s.EndColumn >= s.StartColumn))
                    && s.EndLine <= v.File.LineCount;
                if (f.Subject is null || !inside || f.YamlPath is null)
                    problems.Append($"{s} {f.RuleId}: subject={f.Subject?.Key.ToString() ?? "null"} path={f.YamlPath ?? "null"}\n");
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static IEnumerable<Type> RuleClasses() =>
        typeof(BuiltInRules).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(Rule).IsAssignableFrom(t));

    private static string PascalCase(string id) =>
        string.Concat(id.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
