namespace ManifestLint.Schemas;

/// <summary>"Did you mean" by edit distance (optimal string alignment); a match ignoring case wins outright.</summary>
public static class FieldSuggestions
{
    /// <summary>The closest candidate within a distance that scales with the name's length, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = Math.Max(1, Math.Min(3, name.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            if (c.Length == 0)
                continue;
            if (string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                return c;
            if (Math.Abs(c.Length - name.Length) > limit)
                continue;
            var d = Distance(name, c);
            if (d <= limit && (d < bestDistance || (d == bestDistance && string.CompareOrdinal(c, best) < 0)))
            {
                best = c;
                bestDistance = d;
            }
        }

        return best;
    }

    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
