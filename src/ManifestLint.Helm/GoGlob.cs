namespace ManifestLint.Helm;

/// <summary>Go's <c>path.Match</c>: <c>*</c> and <c>?</c> never cross a <c>/</c>, <c>[...]</c> classes with ranges and <c>^</c>/<c>!</c> negation.</summary>
internal static class GoGlob
{
    public static bool Match(string pattern, string name) => MatchAt(pattern, 0, name, 0);

    private static bool MatchAt(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            switch (c)
            {
                case '*':
                    pi++;
                    for (var k = si; k <= s.Length; k++)
                    {
                        if (MatchAt(p, pi, s, k))
                            return true;
                        if (k < s.Length && s[k] == '/')
                            return false;
                    }

                    return false;
                case '?':
                    if (si >= s.Length || s[si] == '/')
                        return false;
                    pi++;
                    si++;
                    break;
                case '[':
                    if (si >= s.Length || s[si] == '/')
                        return false;
                    var (ok, next) = MatchClass(p, pi + 1, s[si]);
                    if (!ok)
                        return false;
                    pi = next;
                    si++;
                    break;
                case '\\' when pi + 1 < p.Length:
                    if (si >= s.Length || s[si] != p[pi + 1])
                        return false;
                    pi += 2;
                    si++;
                    break;
                default:
                    if (si >= s.Length || s[si] != c)
                        return false;
                    pi++;
                    si++;
                    break;
            }
        }

        return si == s.Length;
    }

    private static (bool Matched, int Next) MatchClass(string p, int i, char ch)
    {
        var negate = i < p.Length && (p[i] == '^' || p[i] == '!');
        if (negate)
            i++;
        var matched = false;
        var first = true;
        while (i < p.Length && (first || p[i] != ']'))
        {
            first = false;
            var lo = p[i] == '\\' && i + 1 < p.Length ? p[++i] : p[i];
            i++;
            var hi = lo;
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                hi = p[i + 1] == '\\' && i + 2 < p.Length ? p[i + 2] : p[i + 1];
                i += p[i + 1] == '\\' ? 3 : 2;
            }

            if (lo <= ch && ch <= hi)
                matched = true;
        }

        if (i >= p.Length)
            return (false, i);
        return (matched != negate, i + 1);
    }
}
