namespace ManifestLint.Core.Policy;

/// <summary>Finds the known rule ids closest to a mistyped one, for "did you mean" messages.</summary>
public static class RuleIdSuggestions
{
    /// <summary>Up to <paramref name="max"/> ids within a small edit distance of <paramref name="id"/>, or containing it, closest first.</summary>
    public static IReadOnlyList<string> For(string id, IEnumerable<string> knownIds, int max = 3)
    {
        var wanted = id.Trim().ToLowerInvariant();
        var limit = Math.Max(2, wanted.Length / 3);
        return knownIds
            .Distinct(StringComparer.Ordinal)
            .Select(k => (Id: k, Distance: Distance(wanted, k)))
            .Where(x => x.Distance <= limit || (wanted.Length >= 3 && x.Id.Contains(wanted, StringComparison.Ordinal)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Id)
            .ToArray();
    }

    /// <summary>Levenshtein distance (insert, delete, substitute).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
