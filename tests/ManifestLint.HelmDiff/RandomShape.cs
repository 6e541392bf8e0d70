using System.Text;

namespace ManifestLint.HelmDiff;

/// <summary>
/// Compares a string that Helm draws at random (it differs between two runs of the same helm) by shape, not value.
/// <para>
/// Given Helm's two samples <c>a</c> and <c>b</c> and our value <c>o</c>: the text is cut into tokens (runs of
/// <c>[A-Za-z0-9+/=._-]</c>, and every other character alone, so newlines, quotes, colons and <c>$</c> are their own tokens).
/// When the three have the same number of tokens, a token equal in <c>a</c> and <c>b</c> is fixed text and must be equal in
/// <c>o</c>; a token that differs between <c>a</c> and <c>b</c> is random and <c>o</c>'s must have its shape: the same
/// alphabet (digits ⊂ lower hex ⊂ alphanumeric ⊂ base64 with <c>.</c>, <c>_</c> and <c>-</c> ⊂ anything) and the same length (exactly, for tokens under 40
/// characters whose two samples have equal length, as randAlphaNum, uuidv4 and hex digests do; within a few percent for
/// longer ones such as base64 of a key or certificate, whose DER length varies by a few bytes). When the token counts
/// differ (a PEM body of another line count, say), the whole value is compared as a blob: the prefix and suffix shared by
/// <c>a</c> and <c>b</c> must be ours too, and the middle must have the same alphabet and a length within the samples' range.
/// </para>
/// </summary>
internal static class RandomShape
{
    private enum Alphabet
    {
        Empty,
        Digits,
        Hex,
        Alphanumeric,
        Base64,
        Any,
    }

    public static bool Matches(string ours, string a, string b)
    {
        if (ours == a || ours == b)
            return true;
        var ta = Tokens(a);
        var tb = Tokens(b);
        var to = Tokens(ours);
        if (ta.Count == tb.Count && ta.Count == to.Count)
        {
            for (var i = 0; i < ta.Count; i++)
            {
                if (ta[i] == tb[i] ? to[i] != ta[i] : !TokenMatches(to[i], ta[i], tb[i]))
                    return false;
            }

            return true;
        }

        return BlobMatches(ours, a, b);
    }

    private static bool TokenMatches(string o, string a, string b)
    {
        if (!IsWord(o[0]) || !IsWord(a[0]) || !IsWord(b[0]))
            return false;
        var most = (Alphabet)Math.Max((int)Classify(a), (int)Classify(b));
        var mine = Classify(o);
        // Whether a long random base64 or bcrypt text contains one of its punctuation characters is itself random
        // (22 characters hold none about half the time), so past 20 characters alphanumeric and base64 are one shape.
        if (mine == Alphabet.Base64 && most == Alphabet.Alphanumeric && o.Length >= 20)
            mine = Alphabet.Alphanumeric;
        if (mine > most)
            return false;
        return LengthMatches(o.Length, a.Length, b.Length);
    }

    private static bool LengthMatches(int o, int a, int b)
    {
        if (a == b && a < 40)
            return o == a;
        var low = Math.Min(a, b);
        var high = Math.Max(a, b);
        var slack = Math.Max(4, high / 20);
        return o >= low - slack && o <= high + slack;
    }

    private static bool BlobMatches(string o, string a, string b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
            suffix++;
        if (o.Length < prefix + suffix || !o.StartsWith(a[..prefix], StringComparison.Ordinal) || !o.EndsWith(a[(a.Length - suffix)..], StringComparison.Ordinal))
            return false;
        var middleA = a[prefix..^suffix];
        var middleB = b[prefix..^suffix];
        var middleO = o[prefix..^suffix];
        var most = (Alphabet)Math.Max((int)Classify(middleA.Replace("\n", string.Empty, StringComparison.Ordinal)), (int)Classify(middleB.Replace("\n", string.Empty, StringComparison.Ordinal)));
        if (Classify(middleO.Replace("\n", string.Empty, StringComparison.Ordinal)) > most)
            return false;
        return LengthMatches(middleO.Length, Math.Max(middleA.Length, 40), Math.Max(middleB.Length, 40)) || (middleA.Length < 40 && middleB.Length < 40 && middleO.Length < 40 + 4);
    }

    private static Alphabet Classify(string s)
    {
        var alphabet = Alphabet.Empty;
        foreach (var c in s)
        {
            var k = c switch
            {
                >= '0' and <= '9' => Alphabet.Digits,
                >= 'a' and <= 'f' => Alphabet.Hex,
                >= 'g' and <= 'z' or >= 'A' and <= 'Z' => Alphabet.Alphanumeric,
                // Standard and URL-safe base64, and bcrypt's alphabet ('.' and '/'): which of these a random sample
                // happens to contain is itself random, so they are one class.
                '+' or '/' or '=' or '.' or '_' or '-' => Alphabet.Base64,
                _ => Alphabet.Any,
            };
            if (k > alphabet)
                alphabet = k;
        }

        return alphabet;
    }

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '.' or '_' or '-';

    private static List<string> Tokens(string s)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in s)
        {
            if (IsWord(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }

            tokens.Add(c.ToString());
        }

        if (word.Length > 0)
            tokens.Add(word.ToString());
        return tokens;
    }
}
