using System.Text;
using static ManifestLint.Templates.Functions.Sprig.SprigCoreStrings;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// <c>camelcase</c>, <c>snakecase</c> and <c>kebabcase</c> with the word rules of huandu/xstrings 1.3.3
/// (Sprig's dependency): words split at case changes, connectors (<c>-</c>, <c>_</c>, spaces), punctuation
/// and digits, with a number kept on the word before it when lower-case letters do not follow.
/// </summary>
internal static class SprigCoreCasing
{
    private enum WordType
    {
        Invalid,
        Number,
        UpperCase,
        Alphabet,
        Connector,
        Punct,
        Other,
    }

    private static bool IsConnector(int r) => r is '-' or '_' || SprigCoreBytes.IsSpace(r);

    // A letter that is not a CJK ideograph.
    private static bool IsAlphabet(int r)
    {
        if (!IsLetter(r))
            return false;
        if (r < 0x3400)
            return true;
        return !(r is >= 0x4E00 and <= 0x9FCC or >= 0x3400 and <= 0x4D85 or >= 0x20000 and <= 0x2B81D);
    }

    public static string ToCamelCase(string s)
    {
        if (s.Length == 0)
            return "";
        var runes = SprigCoreBytes.Runes(s).ToArray();
        var sb = new StringBuilder(s.Length);
        var i = 0;
        var r0 = 0;
        while (i < runes.Length)
        {
            r0 = runes[i++];
            if (!IsConnector(r0))
            {
                r0 = ToUpper(r0);
                break;
            }

            SprigCoreBytes.AppendRune(sb, r0);
        }

        if (i >= runes.Length)
        {
            SprigCoreBytes.AppendRune(sb, r0);
            return sb.ToString();
        }

        while (i < runes.Length)
        {
            var r1 = r0;
            r0 = runes[i++];
            if (IsConnector(r0) && IsConnector(r1))
            {
                SprigCoreBytes.AppendRune(sb, r1);
                continue;
            }

            if (IsConnector(r1))
            {
                r0 = ToUpper(r0);
            }
            else
            {
                r0 = ToLower(r0);
                SprigCoreBytes.AppendRune(sb, r1);
            }
        }

        SprigCoreBytes.AppendRune(sb, r0);
        return sb.ToString();
    }

    public static string ToLowerWords(string s, char connector)
    {
        if (s.Length == 0)
            return "";
        var runes = SprigCoreBytes.Runes(s).ToArray();
        var sb = new StringBuilder(s.Length + 4);
        var pos = 0;
        var (wt, word) = NextWord(runes, ref pos);
        while (pos < runes.Length)
        {
            if (wt != WordType.Connector)
                WriteLower(sb, wt, word, connector);
            var prev = wt;
            var last = word;
            (wt, word) = NextWord(runes, ref pos);
            switch (prev)
            {
                case WordType.Number:
                    while (wt is WordType.Alphabet or WordType.Number)
                    {
                        WriteLower(sb, wt, word, connector);
                        (wt, word) = NextWord(runes, ref pos);
                    }

                    if (wt is not WordType.Invalid and not WordType.Punct and not WordType.Connector)
                        sb.Append(connector);
                    break;
                case WordType.Connector:
                    WriteLower(sb, prev, last, connector);
                    break;
                case WordType.Punct:
                    break;
                default:
                    if (wt != WordType.Number)
                    {
                        if (wt is not WordType.Connector and not WordType.Punct)
                            sb.Append(connector);
                        break;
                    }

                    if (pos >= runes.Length)
                        break;
                    var number = word;
                    (wt, word) = NextWord(runes, ref pos);
                    if (wt != WordType.Alphabet)
                    {
                        // A number is part of the word before it, e.g. "Bld4Floor" → "bld4_floor".
                        WriteLower(sb, WordType.Number, number, connector);
                        if (wt is not WordType.Connector and not WordType.Punct)
                            sb.Append(connector);
                        break;
                    }

                    // Lower-case letters after a number start a new word with it, e.g. "HTTP2xx" → "http_2xx".
                    sb.Append(connector);
                    WriteLower(sb, WordType.Number, number, connector);
                    while (wt is WordType.Alphabet or WordType.Number)
                    {
                        WriteLower(sb, wt, word, connector);
                        (wt, word) = NextWord(runes, ref pos);
                    }

                    if (wt is not WordType.Invalid and not WordType.Connector and not WordType.Punct)
                        sb.Append(connector);
                    break;
            }
        }

        WriteLower(sb, wt, word, connector);
        return sb.ToString();
    }

    private static void WriteLower(StringBuilder sb, WordType wt, ArraySegment<int> word, char connector)
    {
        foreach (var r in word)
        {
            if (wt is not WordType.UpperCase and not WordType.Connector)
                SprigCoreBytes.AppendRune(sb, r);
            else if (IsConnector(r))
                sb.Append(connector);
            else if (IsUpper(r))
                SprigCoreBytes.AppendRune(sb, ToLower(r));
            else
                SprigCoreBytes.AppendRune(sb, r);
        }
    }

    private static (WordType Type, ArraySegment<int> Word) NextWord(int[] runes, ref int pos)
    {
        if (pos >= runes.Length)
            return (WordType.Invalid, ArraySegment<int>.Empty);
        var start = pos;
        var r = runes[pos++];
        WordType wt;
        if (IsConnector(r))
        {
            wt = WordType.Connector;
            while (pos < runes.Length && IsConnector(runes[pos]))
                pos++;
        }
        else if (IsPunct(r))
        {
            wt = WordType.Punct;
            while (pos < runes.Length && IsPunct(runes[pos]))
                pos++;
        }
        else if (IsUpper(r))
        {
            wt = WordType.UpperCase;
            if (pos < runes.Length)
            {
                r = runes[pos];
                if (IsUpper(r))
                {
                    pos++;
                    while (pos < runes.Length && IsUpper(runes[pos]))
                        pos++;
                    // "HTTPStatus" splits into "HTTP" and "Status": the last capital starts the next word.
                    if (pos < runes.Length && IsAlphabet(runes[pos]))
                        pos--;
                }
                else if (IsAlphabet(r))
                {
                    pos++;
                    while (pos < runes.Length && IsAlphabet(runes[pos]) && !IsUpper(runes[pos]))
                        pos++;
                }
            }
        }
        else if (IsAlphabet(r))
        {
            wt = WordType.Alphabet;
            while (pos < runes.Length && IsAlphabet(runes[pos]) && !IsUpper(runes[pos]))
                pos++;
        }
        else if (IsNumber(r))
        {
            wt = WordType.Number;
            while (pos < runes.Length && IsNumber(runes[pos]))
                pos++;
        }
        else
        {
            wt = WordType.Other;
            while (pos < runes.Length)
            {
                var c = runes[pos];
                if (IsConnector(c) || IsAlphabet(c) || IsNumber(c) || IsPunct(c))
                    break;
                pos++;
            }
        }

        return (wt, new ArraySegment<int>(runes, start, pos - start));
    }
}
