using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// A Kubernetes label selector (<c>matchLabels</c> and <c>matchExpressions</c> with In, NotIn, Exists,
/// DoesNotExist), as used by <c>aggregationRule.clusterRoleSelectors</c>. All requirements must hold; an
/// empty selector matches everything; an unknown operator makes the selector match nothing (the API server
/// would reject it).
/// </summary>
public sealed class LabelSelectorView
{
    private readonly ImmutableArray<Requirement> _expressions;

    public LabelSelectorView(ImmutableSortedDictionary<string, string> matchLabels, ImmutableArray<(string Key, string Operator, ImmutableArray<string> Values)> matchExpressions, YamlNode? node = null)
    {
        MatchLabels = matchLabels;
        _expressions = [.. matchExpressions.Select(e => new Requirement(e.Key, e.Operator, e.Values))];
        Node = node;
    }

    public ImmutableSortedDictionary<string, string> MatchLabels { get; }

    /// <summary>The selector's node in the input; null for built-in roles.</summary>
    public YamlNode? Node { get; }

    public bool IsEmpty => MatchLabels.IsEmpty && _expressions.IsEmpty;

    /// <summary>Label pairs every matching object must carry (for index lookups): matchLabels and single-value In expressions.</summary>
    public IEnumerable<(string Key, string Value)> RequiredPairs =>
        MatchLabels.Select(l => (l.Key, l.Value))
            .Concat(_expressions.Where(e => e.Operator == "In" && e.Values.Length == 1).Select(e => (e.Key, e.Values[0])));

    /// <summary>Label keys every matching object must carry (In and Exists expressions).</summary>
    public IEnumerable<string> RequiredKeys =>
        MatchLabels.Keys.Concat(_expressions.Where(e => e.Operator is "In" or "Exists").Select(e => e.Key));

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (k, v) in MatchLabels)
        {
            if (!labels.TryGetValue(k, out var actual) || actual != v)
                return false;
        }

        foreach (var e in _expressions)
        {
            var has = labels.TryGetValue(e.Key, out var actual);
            var ok = e.Operator switch
            {
                "In" => has && e.Values.Contains(actual!),
                "NotIn" => !has || !e.Values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
                return false;
        }

        return true;
    }

    public static LabelSelectorView Read(YamlMapping selector)
    {
        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (selector.GetMapping("matchLabels") is { } ml)
        {
            foreach (var e in ml.Entries)
            {
                if (e.Value is YamlScalar s)
                    labels[e.Key.Text] = s.StringValue;
            }
        }

        var expressions = ImmutableArray.CreateBuilder<(string, string, ImmutableArray<string>)>();
        if (selector.GetSequence("matchExpressions") is { } me)
        {
            foreach (var m in me.Mappings())
            {
                var values = m.GetSequence("values") is { } vs ? vs.Scalars().Select(s => s.StringValue).ToImmutableArray() : [];
                expressions.Add((m.GetString("key") ?? string.Empty, m.GetString("operator") ?? string.Empty, values));
            }
        }

        return new LabelSelectorView(labels.ToImmutable(), expressions.ToImmutable(), selector);
    }

    private sealed record Requirement(string Key, string Operator, ImmutableArray<string> Values);
}
