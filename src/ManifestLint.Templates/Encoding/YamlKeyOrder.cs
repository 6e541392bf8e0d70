using System.Text;

namespace ManifestLint.Templates.Encoding;

/// <summary>
/// The order gopkg.in/yaml.v2 writes map keys in: a "natural" order where runs of digits compare as numbers
/// (<c>a2</c> before <c>a10</c>) and, at the first difference, a non-letter sorts before a letter.
/// </summary>
internal sealed class YamlKeyOrder : IComparer<string>
{
    public static readonly YamlKeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null || y is null)
            return x is null ? -1 : 1;
        if (Less(x, y))
            return -1;
        return Less(y, x) ? 1 : 0;
    }

    private static bool Less(string a, string b)
    {
        // Most keys have no surrogate pairs, where UTF-16 units are the runes yaml.v2 compares.
        var ar = HasSurrogates(a) ? ToRunes(a) : null;
        var br = HasSurrogates(b) ? ToRunes(b) : null;
        if (ar is null && br is null)
            return LessChars(a, b);
        ar ??= ToRunes(a);
        br ??= ToRunes(b);
        for (var i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i])
                continue;
            var al = Rune.IsLetter(ar[i]);
            var bl = Rune.IsLetter(br[i]);
            if (al && bl)
                return ar[i] < br[i];
            if (al || bl)
                return bl;
            long an = 0, bn = 0;
            if (ar[i].Value == '0' || br[i].Value == '0')
            {
                for (var j = i - 1; j >= 0 && Rune.IsDigit(ar[j]); j--)
                {
                    if (ar[j].Value != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            int ai, bi;
            for (ai = i; ai < ar.Length && Rune.IsDigit(ar[ai]); ai++)
                an = unchecked((an * 10) + (ar[ai].Value - '0'));
            for (bi = i; bi < br.Length && Rune.IsDigit(br[bi]); bi++)
                bn = unchecked((bn * 10) + (br[bi].Value - '0'));
            if (an != bn)
                return an < bn;
            if (ai != bi)
                return ai < bi;
            return ar[i] < br[i];
        }

        return ar.Length < br.Length;
    }

    private static bool HasSurrogates(string s)
    {
        foreach (var c in s)
        {
            if (char.IsSurrogate(c))
                return true;
        }

        return false;
    }

    private static bool LessChars(string a, string b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
                continue;
            var al = char.IsLetter(a[i]);
            var bl = char.IsLetter(b[i]);
            if (al && bl)
                return a[i] < b[i];
            if (al || bl)
                return bl;
            long an = 0, bn = 0;
            if (a[i] == '0' || b[i] == '0')
            {
                for (var j = i - 1; j >= 0 && char.IsDigit(a[j]); j--)
                {
                    if (a[j] != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            int ai, bi;
            for (ai = i; ai < a.Length && char.IsDigit(a[ai]); ai++)
                an = unchecked((an * 10) + (a[ai] - '0'));
            for (bi = i; bi < b.Length && char.IsDigit(b[bi]); bi++)
                bn = unchecked((bn * 10) + (b[bi] - '0'));
            if (an != bn)
                return an < bn;
            if (ai != bi)
                return ai < bi;
            return a[i] < b[i];
        }

        return a.Length < b.Length;
    }

    private static Rune[] ToRunes(string s)
    {
        var list = new List<Rune>(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var cp = Utf8Order.NextCodePoint(s, ref i);
            list.Add(new Rune(cp));
        }

        return [.. list];
    }
}
