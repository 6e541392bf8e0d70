namespace ManifestLint.Templates.Encoding;

/// <summary>Orders strings as Go compares them: by their UTF-8 bytes, which is code point order.</summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return x is null ? (y is null ? 0 : -1) : 1;
        var i = 0;
        var j = 0;
        while (i < x.Length && j < y.Length)
        {
            var a = NextCodePoint(x, ref i);
            var b = NextCodePoint(y, ref j);
            if (a != b)
                return a < b ? -1 : 1;
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }

    /// <summary>Reads the code point at <paramref name="index"/> and advances past it; a lone surrogate counts as U+FFFD.</summary>
    public static int NextCodePoint(string s, ref int index)
    {
        var c = s[index];
        if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            var cp = char.ConvertToUtf32(c, s[index + 1]);
            index += 2;
            return cp;
        }

        index++;
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }
}
