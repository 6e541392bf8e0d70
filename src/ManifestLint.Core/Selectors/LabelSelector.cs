using System.Collections.Immutable;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Selectors;

/// <summary>
/// A Kubernetes label selector: <c>matchLabels</c> and <c>matchExpressions</c>, all of which must hold. An
/// empty selector matches everything; an absent or null selector is represented by no instance at all
/// (callers decide what the API says it means). Pods are found through the graph's label index, never by
/// testing every pod.
/// </summary>
public sealed class LabelSelector
{
    public LabelSelector(ImmutableSortedDictionary<string, string> matchLabels, ImmutableArray<LabelRequirement> expressions, YamlNode node)
    {
        MatchLabels = matchLabels;
        Expressions = expressions;
        Node = node;
    }

    public ImmutableSortedDictionary<string, string> MatchLabels { get; }

    public ImmutableArray<LabelRequirement> Expressions { get; }

    /// <summary>The selector's node in the input.</summary>
    public YamlNode Node { get; }

    /// <summary>True for <c>{}</c>: the selector matches every object.</summary>
    public bool IsEmpty => MatchLabels.IsEmpty && Expressions.IsEmpty;

    /// <summary>
    /// Reads a <c>LabelSelector</c> (<c>matchLabels</c>/<c>matchExpressions</c>). Null when the field is absent,
    /// YAML null, or not a mapping.
    /// </summary>
    public static LabelSelector? Read(YamlNode? node)
    {
        if (node is not YamlMapping selector)
            return null;
        var labels = ReadMap(selector.GetMapping("matchLabels"));
        var expressions = ImmutableArray.CreateBuilder<LabelRequirement>();
        if (selector.GetSequence("matchExpressions") is { } me)
        {
            foreach (var m in me.Mappings())
            {
                var values = m.GetSequence("values") is { } vs ? vs.Scalars().Select(s => s.StringValue).ToImmutableArray() : [];
                expressions.Add(new LabelRequirement(m.GetString("key") ?? string.Empty, m.GetString("operator") ?? string.Empty, values));
            }
        }

        return new LabelSelector(labels, expressions.ToImmutable(), selector);
    }

    /// <summary>Reads a plain label map used as a selector (Service and ReplicationController <c>spec.selector</c>).</summary>
    public static LabelSelector? ReadMap(YamlNode? node) =>
        node is YamlMapping map ? new LabelSelector(ReadMap(map), [], map) : null;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (k, v) in MatchLabels)
        {
            if (!labels.TryGetValue(k, out var actual) || actual != v)
                return false;
        }

        foreach (var e in Expressions)
        {
            if (!e.Matches(labels))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Like <see cref="Matches"/> when only some label keys of the object are known: requirements on keys for
    /// which <paramref name="isKnownKey"/> is false are assumed to hold (used for objects outside the input).
    /// </summary>
    public bool CouldMatch(IReadOnlyDictionary<string, string> labels, Func<string, bool> isKnownKey)
    {
        foreach (var (k, v) in MatchLabels)
        {
            if (isKnownKey(k) && (!labels.TryGetValue(k, out var actual) || actual != v))
                return false;
        }

        foreach (var e in Expressions)
        {
            if (!e.IsValid || (isKnownKey(e.Key) && !e.Matches(labels)))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Pod templates in <paramref name="namespace"/> that this selector matches. The label index narrows the
    /// candidates with <c>matchLabels</c> and single-value <c>In</c> expressions; the other expressions filter
    /// that smaller set.
    /// </summary>
    public IEnumerable<PodTemplateView> SelectPods(ResourceGraph graph, string? @namespace)
    {
        if (@namespace is null || Expressions.Any(e => !e.IsValid))
            return [];
        var pairs = new Dictionary<string, string>(MatchLabels, StringComparer.Ordinal);
        foreach (var e in Expressions)
        {
            if (e.Operator != "In" || e.Values.Length != 1)
                continue;
            if (pairs.TryGetValue(e.Key, out var existing) && existing != e.Values[0])
                return [];
            pairs[e.Key] = e.Values[0];
        }

        // Labels that controllers add at run time are not in templates: match the others through the index, then
        // keep the pods whose controller would add the rest.
        var runtime = pairs.Where(p => RuntimeLabels.IsRuntime(p.Key)).ToList();
        foreach (var (key, _) in runtime)
            pairs.Remove(key);
        var candidates = pairs.Count > 0 ? graph.PodsMatching(@namespace, pairs) : graph.PodsInNamespace(@namespace);
        if (runtime.Count == 0 && Expressions.IsEmpty)
            return candidates;
        return candidates.Where(p =>
            runtime.All(r => p.Labels.TryGetValue(r.Key, out var v) ? v == r.Value : RuntimeLabels.MayCarry(p, r.Key, r.Value))
            && Expressions.All(e => e.Matches(p.Labels) || (!p.Labels.ContainsKey(e.Key) && e.Operator is "In" or "Exists" && RuntimeLabels.MayCarry(p, e.Key, null))));
    }

    public override string ToString()
    {
        if (IsEmpty)
            return "{}";
        var parts = MatchLabels.Select(l => $"{l.Key}={l.Value}")
            .Concat(Expressions.Select(e => e.Operator switch
            {
                "Exists" => e.Key,
                "DoesNotExist" => "!" + e.Key,
                "In" => $"{e.Key} in ({string.Join(",", e.Values)})",
                "NotIn" => $"{e.Key} notin ({string.Join(",", e.Values)})",
                _ => $"{e.Key} {e.Operator}",
            }));
        return string.Join(",", parts);
    }

    private static ImmutableSortedDictionary<string, string> ReadMap(YamlMapping? map)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (map is not null)
        {
            foreach (var e in map.Entries)
            {
                if (e.Value is YamlScalar s)
                    b[e.Key.Text] = s.StringValue;
            }
        }

        return b.ToImmutable();
    }
}
