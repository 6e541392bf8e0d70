using System.Collections.Concurrent;
using System.Collections.Immutable;
using ManifestLint.Core.Graph;

namespace ManifestLint.Core.Rules;

/// <summary>Runs rules over a graph in parallel and returns findings in a deterministic order.</summary>
public static class RuleRunner
{
    /// <summary>Runs each (rule, options) pair; a rule that throws becomes one finding, never a crash.</summary>
    public static ImmutableArray<Finding> Run(ResourceGraph graph, IReadOnlyList<(Rule Rule, object? Options)> rules, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        var results = new ConcurrentBag<(int Index, List<Finding> Findings)>();
        Parallel.For(0, rules.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            var (rule, options) = rules[i];
            var context = new RuleContext(rule, graph, options, cancellationToken);
            var list = new List<Finding>();
            try
            {
                foreach (var f in rule.Check(context))
                    list.Add(f);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                list.Add(new Finding(rule.Info.Id, Severity.Error, $"Internal error in rule '{rule.Info.Id}': {e.GetType().Name}: {e.Message}",
                    Text.SourceSpan.At("<manifestlint>", 1, 1), null, null, []));
            }

            results.Add((i, list));
        });
        return Sort(results.SelectMany(r => r.Findings));
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
