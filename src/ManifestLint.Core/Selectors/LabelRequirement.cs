using System.Collections.Immutable;

namespace ManifestLint.Core.Selectors;

/// <summary>One <c>matchExpressions</c> item: a key, an operator (In, NotIn, Exists, DoesNotExist) and values.</summary>
public sealed record LabelRequirement(string Key, string Operator, ImmutableArray<string> Values)
{
    /// <summary>False for operators the API server would reject, so a malformed selector matches nothing.</summary>
    public bool IsValid => Operator is "In" or "NotIn" or "Exists" or "DoesNotExist";

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var actual);
        return Operator switch
        {
            "In" => has && Values.Contains(actual!),
            "NotIn" => !has || !Values.Contains(actual!),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => false,
        };
    }
}
