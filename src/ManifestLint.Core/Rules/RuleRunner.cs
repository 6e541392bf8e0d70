using System.Collections.Immutable;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;

namespace ManifestLint.Core.Rules;

/// <summary>Runs rules over a graph in parallel and returns findings in a deterministic order.</summary>
public static class RuleRunner
{
    /// <summary>Most resources one rule may fail on before the search for them stops (each costs a few graph builds).</summary>
    public const int MaxFailingResourcesPerRule = 16;

    /// <summary>
    /// Runs each (rule, options) pair. A rule that throws never crashes the run: the resources it fails on are
    /// found and each becomes one <c>internal-error</c> finding naming the rule, located at the resource; the rule
    /// then runs again without them, so its findings on every other resource are still reported.
    /// </summary>
    public static ImmutableArray<Finding> Run(ResourceGraph graph, IReadOnlyList<(Rule Rule, object? Options)> rules, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        var results = new List<Finding>[rules.Count];
        Parallel.For(0, rules.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            var (rule, options) = rules[i];
            results[i] = RunIsolated(rule, options, graph, cancellationToken);
        });
        return Sort(results.SelectMany(r => r));
    }

    private static List<Finding> RunIsolated(Rule rule, object? options, ResourceGraph graph, CancellationToken cancellationToken)
    {
        var (findings, error) = TryCheck(rule, options, graph, cancellationToken);
        if (error is null)
            return findings;

        // Look for the resources the rule fails on: the smallest prefix of the input that makes it throw ends
        // with one such resource. The rule's findings come from a last run on the graph without them.
        var problems = new List<Finding>();
        var remaining = graph.Resources;
        while (error is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var culprit = problems.Count < MaxFailingResourcesPerRule ? FindFailingResource(rule, options, remaining, graph.Options, cancellationToken) : null;
            if (culprit is null)
            {
                // Fails with no resource to blame (or on too many): one finding for the rule, at the first resource it
                // could not be isolated from, and none of its findings.
                var at = remaining.IsEmpty ? null : remaining[0];
                var what = problems.Count < MaxFailingResourcesPerRule
                    ? $"running rule '{rule.Info.Id}'; none of its findings are reported"
                    : $"running rule '{rule.Info.Id}' (it failed on more than {MaxFailingResourcesPerRule} resources); none of its findings are reported";
                problems.Add(InputProblems.InternalErrorAt(at?.AnchorNode.Span ?? Text.SourceSpan.At(".", 1, 1), what, error, at));
                return problems;
            }

            problems.Add(InputProblems.InternalErrorAt(culprit.AnchorNode.Span, $"running rule '{rule.Info.Id}' on {culprit.Key}; this resource was left out of the rule", error, culprit) with
            {
                Scenario = culprit.Origin.Scenario,
            });
            remaining = remaining.Remove(culprit, ReferenceEqualityComparer.Instance);
            (findings, error) = TryCheck(rule, options, ResourceGraph.Build(remaining, graph.Options), cancellationToken);
        }

        findings.AddRange(problems);
        return findings;
    }

    /// <summary>
    /// A resource whose addition to a prefix of <paramref name="resources"/> makes the rule throw, by bisection
    /// (the rule passes on no resources and fails on all of them); null if it fails even on no resource.
    /// </summary>
    private static Resource? FindFailingResource(Rule rule, object? options, ImmutableArray<Resource> resources, GraphOptions graphOptions, CancellationToken cancellationToken)
    {
        if (resources.IsEmpty || TryCheck(rule, options, ResourceGraph.Build([], graphOptions), cancellationToken).Error is not null)
            return null;
        int passes = 0, fails = resources.Length;
        while (fails - passes > 1)
        {
            var middle = passes + ((fails - passes) / 2);
            if (TryCheck(rule, options, ResourceGraph.Build(resources.Take(middle), graphOptions), cancellationToken).Error is null)
                passes = middle;
            else
                fails = middle;
        }

        return resources[fails - 1];
    }

    /// <summary>
    /// Most findings one rule reports at one location (file, line, column, scenario). A rule that reports pairs (a
    /// Service and each pod it selects) is quadratic in the input; past this many, one more finding says how many
    /// were left out, so a 1 MB input cannot make a report of gigabytes.
    /// </summary>
    public const int MaxFindingsPerLocation = 20;

    private static (List<Finding> Findings, Exception? Error) TryCheck(Rule rule, object? options, ResourceGraph graph, CancellationToken cancellationToken)
    {
        var list = new List<Finding>();
        var counts = new Dictionary<(string Path, int Line, int Column, string? Scenario), int>();
        Dictionary<(string, int, int, string?), Finding>? overflow = null;
        try
        {
            foreach (var f in rule.Check(new RuleContext(rule, graph, options, cancellationToken)))
            {
                var key = (f.Span.Path, f.Span.StartLine, f.Span.StartColumn, f.Scenario);
                counts.TryGetValue(key, out var seen);
                counts[key] = seen + 1;
                if (seen < MaxFindingsPerLocation)
                    list.Add(f);
                else if (seen == MaxFindingsPerLocation)
                    (overflow ??= [])[key] = f;
            }

            if (overflow is not null)
            {
                foreach (var (key, first) in overflow)
                {
                    var left = counts[key] - MaxFindingsPerLocation;
                    list.Add(first with
                    {
                        Message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{left} more finding(s) of '{rule.Info.Id}' at this location are left out (at most {MaxFindingsPerLocation} per location are reported); the first: {first.Message}"),
                        Related = [],
                    });
                }
            }

            return (list, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (list, e);
        }
    }

    /// <summary>The one ordering of findings used everywhere output is made: file, position, rule, message.</summary>
    public static ImmutableArray<Finding> Sort(IEnumerable<Finding> findings)
    {
        var array = findings.ToArray();
        Array.Sort(array, Compare);
        return [.. array];
    }

    public static int Compare(Finding? a, Finding? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var c = a.Span.CompareTo(b.Span);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Message, b.Message);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Subject?.Key.ToString(), b.Subject?.Key.ToString());
        if (c != 0) return c;
        c = string.CompareOrdinal(a.YamlPath, b.YamlPath);
        return c != 0 ? c : string.CompareOrdinal(a.Scenario, b.Scenario);
    }
}
