using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Policy;

/// <summary>
/// The policy step between rules and reporters: configured severities, and in-source suppressions by
/// the annotation <c>ignore-check.manifestlint.io/&lt;rule-id&gt;: "&lt;reason&gt;"</c> on the finding's
/// subject resource.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A suppression needs a reason. An empty or blank value suppresses nothing and is itself a
/// <c>suppression-without-reason</c> finding at the annotation.</item>
/// <item><c>ignore-check.manifestlint.io/all: "&lt;reason&gt;"</c> suppresses every rule on that resource
/// (a specific annotation's reason wins over it).</item>
/// <item>An annotation naming an unknown rule id is a <c>suppression-unknown-rule</c> warning, since a typo
/// would otherwise leave the author believing a finding is accepted.</item>
/// <item>Findings about the annotations themselves, and input problems without a subject, cannot be
/// suppressed: otherwise <c>all</c> would silence the very check that asks for reasons. Nor can
/// <c>internal-error</c> findings, which say that a check did not run.</item>
/// <item>Suppressed findings stay in the result (marked), so SARIF can carry their justification.</item>
/// </list>
/// </remarks>
public static class SuppressionPolicy
{
    /// <summary>The annotation prefix; the rest of the key is a rule id or <see cref="AllRules"/>.</summary>
    public const string AnnotationPrefix = "ignore-check.manifestlint.io/";

    /// <summary>The annotation suffix that suppresses every rule on a resource.</summary>
    public const string AllRules = "all";

    /// <summary>
    /// Applies severity overrides and suppressions. Annotation problems are looked for on the subjects
    /// of <paramref name="findings"/> only, and annotation rule ids are not checked.
    /// </summary>
    public static ImmutableArray<Finding> Apply(ImmutableArray<Finding> findings, IReadOnlyDictionary<string, Severity> severityOverrides) =>
        Apply(findings, severityOverrides, resources: null, knownRuleIds: null);

    /// <summary>Applies severity overrides and suppressions, and reports problems with suppression annotations.</summary>
    /// <param name="findings">Findings from the rules and loaders.</param>
    /// <param name="severityOverrides">Severity per rule id; applies to every finding of that id, including input and annotation problems.</param>
    /// <param name="resources">Every resource of the run, so that a reasonless or misspelled annotation is reported even on a resource without findings; null: only the subjects of findings are examined.</param>
    /// <param name="knownRuleIds">Every rule id the product knows, enabled or not; null: annotation ids are not checked.</param>
    /// <param name="peerChecks">Peer checks per rule id, so kube-linter's and Polaris's annotations suppress the rules that cover their checks; null: not honoured.</param>
    /// <returns>All findings, sorted with <see cref="RuleRunner.Sort"/>; suppressed ones carry a <see cref="Suppression"/>.</returns>
    public static ImmutableArray<Finding> Apply(
        ImmutableArray<Finding> findings,
        IReadOnlyDictionary<string, Severity> severityOverrides,
        IEnumerable<Resource>? resources,
        IReadOnlySet<string>? knownRuleIds,
        IReadOnlyDictionary<string, ImmutableArray<PeerCheck>>? peerChecks = null)
    {
        var examined = resources ?? findings.Select(f => f.Subject).OfType<Resource>();
        var problems = FindAnnotationProblems(examined, knownRuleIds);

        var result = new List<Finding>(findings.Length + problems.Count);
        foreach (var finding in findings)
        {
            var f = WithSeverity(finding, severityOverrides);
            if (f.Suppression is null && f.Subject is { } subject && !IsUnsuppressible(f.RuleId)
                && (FindSuppression(subject, f.RuleId) ?? (peerChecks is not null && peerChecks.TryGetValue(f.RuleId, out var peers) ? PeerSuppressions.Find(subject, peers) : null)) is { } suppression)
                f = f with { Suppression = suppression };
            result.Add(f);
        }

        foreach (var problem in problems)
            result.Add(WithSeverity(problem, severityOverrides));

        return RuleRunner.Sort(result);
    }

    /// <summary>The in-source suppression of <paramref name="ruleId"/> on <paramref name="resource"/>, if it has one with a reason.</summary>
    public static Suppression? FindSuppression(Resource resource, string ruleId)
    {
        if (resource.Annotations.Count == 0)
            return null;
        return Reasoned(resource, AnnotationPrefix + ruleId) ?? Reasoned(resource, AnnotationPrefix + AllRules);
    }

    private static Suppression? Reasoned(Resource resource, string key)
    {
        if (!resource.Annotations.TryGetValue(key, out var reason) || string.IsNullOrWhiteSpace(reason))
            return null;
        var node = AnnotationsOf(resource)?.GetScalar(key);
        return new Suppression(SuppressionKind.InSource, reason.Trim(), node?.Span);
    }

    /// <summary>Annotation problems, and internal errors: a check that did not run must never pass for an accepted finding.</summary>
    private static bool IsUnsuppressible(string ruleId) => IsAnnotationProblem(ruleId) || ruleId == InputProblems.InternalError.Id;

    private static bool IsAnnotationProblem(string ruleId) =>
        ruleId == InputProblems.SuppressionWithoutReason.Id || ruleId == PolicyProblems.SuppressionUnknownRule.Id;

    private static Finding WithSeverity(Finding finding, IReadOnlyDictionary<string, Severity> overrides) =>
        overrides.TryGetValue(finding.RuleId, out var severity) && severity != finding.Severity ? finding with { Severity = severity } : finding;

    private static YamlMapping? AnnotationsOf(Resource resource) => resource.Metadata?.GetMapping("annotations");

    private static List<Finding> FindAnnotationProblems(IEnumerable<Resource> resources, IReadOnlySet<string>? knownRuleIds)
    {
        var problems = new List<Finding>();
        var seen = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        var reported = new HashSet<(string Path, int Line, int Column, string Id)>();
        foreach (var resource in resources)
        {
            if (!seen.Add(resource) || AnnotationsOf(resource) is not { } annotations)
                continue;
            foreach (var entry in annotations.Entries)
            {
                var key = entry.Key.Text;
                if (!key.StartsWith(AnnotationPrefix, StringComparison.Ordinal))
                    continue;
                var id = key[AnnotationPrefix.Length..];
                var value = entry.Value as YamlScalar;
                if (value is null || string.IsNullOrWhiteSpace(value.StringValue))
                {
                    // A null value (`key:`) has no text to point at; the key is the better caret.
                    var node = value is { IsNull: false } ? (YamlNode)value : entry.Key;
                    Add(problems, reported, new Finding(
                        InputProblems.SuppressionWithoutReason.Id,
                        InputProblems.SuppressionWithoutReason.Severity,
                        $"Suppression '{key}' has no reason, so it suppresses nothing; set its value to why the check does not apply",
                        node.Span,
                        resource,
                        entry.Value.Path,
                        []));
                }

                if (knownRuleIds is not null && id != AllRules && !knownRuleIds.Contains(id))
                {
                    var suggestions = RuleIdSuggestions.For(id, knownRuleIds);
                    var hint = suggestions.Count > 0 ? $"; did you mean '{suggestions[0]}'?" : "; `manifestlint rules` lists the ids";
                    Add(problems, reported, new Finding(
                        PolicyProblems.SuppressionUnknownRule.Id,
                        PolicyProblems.SuppressionUnknownRule.Severity,
                        $"Suppression '{key}' names no known rule, so it suppresses nothing{hint}",
                        entry.Key.Span,
                        resource,
                        entry.Value.Path,
                        []));
                }
            }
        }

        return problems;
    }

    private static void Add(List<Finding> problems, HashSet<(string, int, int, string)> reported, Finding finding)
    {
        // A chart rendered in several scenarios yields the same annotation node more than once.
        if (reported.Add((finding.Span.Path, finding.Span.StartLine, finding.Span.StartColumn, finding.RuleId)))
            problems.Add(finding);
    }
}
