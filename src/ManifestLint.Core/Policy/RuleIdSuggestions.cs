namespace ManifestLint.Core.Policy;

/// <summary>Finds the known rule ids closest to a mistyped one, for "did you mean" messages.</summary>
public static class RuleIdSuggestions
{
    /// <summary>
    /// Up to <paramref name="max"/> ids within a small edit distance of <paramref name="id"/>, or whose start is
    /// (a shortened id such as <c>privileged</c>), closest first.
    /// </summary>
    public static IReadOnlyList<string> For(string id, IEnumerable<string> knownIds, int max = 3)
    {
        var wanted = id.Trim().ToLowerInvariant();
        var limit = Math.Max(2, wanted.Length / 3);
        return knownIds
            .Distinct(StringComparer.Ordinal)
            .Select(k => (Id: k, Whole: Distance(wanted, k), Prefix: wanted.Length >= 4 && k.Length > wanted.Length ? Distance(wanted, k[..wanted.Length]) : int.MaxValue))
            .Where(x => x.Whole <= limit || x.Prefix <= limit / 2)
            .Select(x => (x.Id, Distance: Math.Min(x.Whole, x.Prefix == int.MaxValue ? int.MaxValue : x.Prefix + 1)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Id)
            .ToArray();
    }

    /// <summary>Levenshtein distance (insert, delete, substitute).</summary>
    public static int Distance(string a, string b)
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
