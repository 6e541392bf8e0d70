using System.Globalization;
using System.Text;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig's string functions (<c>trim</c>, <c>upper</c>, <c>substr</c>, <c>quote</c>, <c>indent</c>, <c>split</c>, …)
/// with Go's byte-oriented string semantics. The reshaping functions keep provenance of tracked text.
/// </summary>
internal static class SprigCoreStrings
{
    /// <summary>Bounds text built by <c>repeat</c> and <c>indent</c> so a hostile template fails fast instead of exhausting memory.</summary>
    public const long MaxResultLength = 64L * 1024 * 1024;

    private static readonly GoType S = GoType.String;
    private static readonly GoType I = GoType.Int;
    private static readonly GoType X = GoType.Interface;
    private static readonly GoType B = GoType.Bool;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "hello", NoParameters, null, S, false, _ => "Hello!");
        Add(map, "abbrev", [I, S], null, S, false, c => Abbrev(Int(c[0]), Text(c[1])));
        Add(map, "abbrevboth", [I, I, S], null, S, false, c => AbbrevBoth(Int(c[0]), Int(c[1]), Text(c[2])));
        Add(map, "trunc", [I, S], null, S, false, c => Trunc(Int(c[0]), Text(c[1])));
        Add(map, "trim", [S], null, S, false, c => TrimSpace(c[0]));
        Add(map, "upper", [S], null, S, false, c => MapRunes(Text(c[0]), ToUpper));
        Add(map, "lower", [S], null, S, false, c => MapRunes(Text(c[0]), ToLower));
        Add(map, "title", [S], null, S, false, c => Title(Text(c[0])));
        Add(map, "untitle", [S], null, S, false, c => Untitle(Text(c[0])));
        Add(map, "substr", [I, I, S], null, S, false, c => Substr(Int(c[0]), Int(c[1]), Text(c[2])));
        Add(map, "repeat", [I, S], null, S, false, c => Repeat(Text(c[1]), Int(c[0])));
        Add(map, "trimall", [S, S], null, S, false, c => TrimCutset(c[1], Text(c[0])));
        Add(map, "trimAll", [S, S], null, S, false, c => TrimCutset(c[1], Text(c[0])));
        Add(map, "trimSuffix", [S, S], null, S, false, c => TrimSuffix(c[1], Text(c[0])));
        Add(map, "trimPrefix", [S, S], null, S, false, c => TrimPrefix(c[1], Text(c[0])));
        Add(map, "nospace", [S], null, S, false, c => NoSpace(Text(c[0])));
        Add(map, "initials", [S], null, S, false, c => Initials(Text(c[0])));
        Add(map, "swapcase", [S], null, S, false, c => SwapCase(Text(c[0])));
        Add(map, "snakecase", [S], null, S, false, c => SprigCoreCasing.ToLowerWords(Text(c[0]), '_'));
        Add(map, "kebabcase", [S], null, S, false, c => SprigCoreCasing.ToLowerWords(Text(c[0]), '-'));
        Add(map, "camelcase", [S], null, S, false, c => SprigCoreCasing.ToCamelCase(Text(c[0])));
        Add(map, "wrap", [I, S], null, S, false, c => Wrap(Text(c[1]), Int(c[0]), "", false));
        Add(map, "wrapWith", [I, S, S], null, S, false, c => Wrap(Text(c[2]), Int(c[0]), Text(c[1]), true));
        Add(map, "contains", [S, S], null, B, false, c => Text(c[1]).Contains(Text(c[0]), StringComparison.Ordinal));
        Add(map, "hasPrefix", [S, S], null, B, false, c => Text(c[1]).StartsWith(Text(c[0]), StringComparison.Ordinal));
        Add(map, "hasSuffix", [S, S], null, B, false, c => Text(c[1]).EndsWith(Text(c[0]), StringComparison.Ordinal));
        Add(map, "quote", NoParameters, X, S, false, c => Quote(c.Arguments, single: false));
        Add(map, "squote", NoParameters, X, S, false, c => Quote(c.Arguments, single: true));
        Add(map, "cat", NoParameters, X, S, false, c => Cat(c.Arguments));
        Add(map, "indent", [I, S], null, S, false, c => Indent(Int(c[0]), c[1], newlineFirst: false));
        Add(map, "nindent", [I, S], null, S, false, c => Indent(Int(c[0]), c[1], newlineFirst: true));
        Add(map, "replace", [S, S, S], null, S, false, c => Replace(Text(c[2]), Text(c[0]), Text(c[1])));
        Add(map, "plural", [S, S, I], null, S, false, c => Int(c[2]) == 1 ? Text(c[0]) : Text(c[1]));
        Add(map, "split", [S, S], null, GoType.StringMap, false, c => SplitMap(Text(c[1]), Text(c[0]), -1));
        Add(map, "splitn", [S, I, S], null, GoType.StringMap, false, c => SplitMap(Text(c[2]), Text(c[0]), Int(c[1])));
        Add(map, "splitList", [S, S], null, GoType.StringSlice, false,
            c => new GoList(Split(Text(c[1]), Text(c[0]), -1), GoList.StringSliceType));
        Add(map, "join", [S, X], null, S, false, c => string.Join(Text(c[0]), StrSlice(c[1]).Select(x => (string)x!)));
        Add(map, "sortAlpha", [X], null, GoType.StringSlice, false, c => SortAlpha(c[0]));
    }

    private static string Abbrev(long width, string s) => width < 4 ? s : AbbreviateFull(s, 0, (int)Math.Min(width, int.MaxValue));

    private static string AbbrevBoth(long left, long right, string s)
    {
        if (right < 4 || (left > 0 && right < 7))
            return s;
        return AbbreviateFull(s, (int)Math.Clamp(left, int.MinValue, int.MaxValue), (int)Math.Min(right, int.MaxValue));
    }

    // goutils' AbbreviateFull; errors (width under 4 or 7) give "" as Sprig ignores them.
    private static string AbbreviateFull(string str, int offset, int maxWidth)
    {
        if (str.Length == 0)
            return "";
        if (maxWidth < 4)
            return "";
        var len = SprigCoreBytes.Length(str);
        if (len <= maxWidth)
            return str;
        if (offset > len)
            offset = len;
        if (len - offset < maxWidth - 3)
            offset = len - (maxWidth - 3);
        const string marker = "...";
        if (offset <= 4)
            return SprigCoreBytes.Slice(str, 0, maxWidth - 3) + marker;
        if (maxWidth < 7)
            return "";
        if (offset + maxWidth - 3 < len)
            return marker + AbbreviateFull(SprigCoreBytes.Slice(str, offset, len), 0, maxWidth - 3);
        return marker + SprigCoreBytes.Slice(str, len - (maxWidth - 3), len);
    }

    private static string Trunc(long c, string s)
    {
        var len = SprigCoreBytes.Length(s);
        if (c < 0 && len + c > 0)
            return SprigCoreBytes.Slice(s, (int)(len + c), len);
        if (c >= 0 && len > c)
            return SprigCoreBytes.Slice(s, 0, (int)c);
        return s;
    }

    private static string Substr(long start, long end, string s)
    {
        var len = SprigCoreBytes.Length(s);
        if (start < 0)
        {
            if (end < 0)
                throw Fail(Invariant($"runtime error: slice bounds out of range [:{end}]"));
            if (end > len)
                throw Fail(Invariant($"runtime error: slice bounds out of range [:{end}] with length {len}"));
            return SprigCoreBytes.Slice(s, 0, (int)end);
        }

        if (end < 0 || end > len)
        {
            if (start > len)
                throw Fail(Invariant($"runtime error: slice bounds out of range [{start}:{len}]"));
            return SprigCoreBytes.Slice(s, (int)start, len);
        }

        if (start > end)
            throw Fail(Invariant($"runtime error: slice bounds out of range [{start}:{end}]"));
        return SprigCoreBytes.Slice(s, (int)start, (int)end);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Repeat(string s, long count)
    {
        if (count < 0)
            throw Fail("strings: negative Repeat count");
        if (count == 0 || s.Length == 0)
            return "";
        if (s.Length * (double)count > MaxResultLength)
            throw Fail(Invariant($"repeat: the result ({count} copies of {s.Length} characters) exceeds the limit of {MaxResultLength} characters"));
        return new StringBuilder(s.Length * (int)count).Insert(0, s, (int)count).ToString();
    }

    private static object TrimSpace(object? value)
    {
        var text = Text(value);
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpaceAt(text, start, out var n))
            start += n;
        while (end > start && IsSpaceBefore(text, end, out var n))
            end -= n;
        return Cut(value, text, start, end);
    }

    private static bool IsSpaceAt(string s, int i, out int n)
    {
        Rune.DecodeFromUtf16(s.AsSpan(i), out var r, out n);
        return SprigCoreBytes.IsSpace(r.Value);
    }

    private static bool IsSpaceBefore(string s, int end, out int n)
    {
        Rune.DecodeLastFromUtf16(s.AsSpan(0, end), out var r, out n);
        return SprigCoreBytes.IsSpace(r.Value);
    }

    private static object TrimCutset(object? value, string cutset)
    {
        var text = Text(value);
        var set = new HashSet<int>(SprigCoreBytes.Runes(cutset));
        var start = 0;
        var end = text.Length;
        while (start < end)
        {
            Rune.DecodeFromUtf16(text.AsSpan(start), out var r, out var n);
            if (!set.Contains(r.Value))
                break;
            start += n;
        }

        while (end > start)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(start, end - start), out var r, out var n);
            if (!set.Contains(r.Value))
                break;
            end -= n;
        }

        return Cut(value, text, start, end);
    }

    private static object TrimPrefix(object? value, string prefix)
    {
        var text = Text(value);
        return text.StartsWith(prefix, StringComparison.Ordinal) ? Cut(value, text, prefix.Length, text.Length) : value is TrackedString ? value : text;
    }

    private static object TrimSuffix(object? value, string suffix)
    {
        var text = Text(value);
        return text.EndsWith(suffix, StringComparison.Ordinal) ? Cut(value, text, 0, text.Length - suffix.Length) : value is TrackedString ? value : text;
    }

    private static object Cut(object? value, string text, int start, int end)
    {
        if (value is not TrackedString tracked)
            return start == 0 && end == text.Length ? text : text[start..end];
        var result = new SprigCoreTrackedText();
        result.Copy(tracked, text, start, end - start);
        return start == end ? "" : result.Build();
    }

    // Go's unicode.ToUpper/ToLower: simple one-rune case mappings.
    public static int ToUpper(int r) => Rune.IsValid(r) ? Rune.ToUpperInvariant(new Rune(r)).Value : r;

    public static int ToLower(int r) => r switch
    {
        0x130 => 'i',
        _ => Rune.IsValid(r) ? Rune.ToLowerInvariant(new Rune(r)).Value : r,
    };

    private static int ToTitle(int r) => r switch
    {
        0x1C4 or 0x1C5 or 0x1C6 => 0x1C5,
        0x1C7 or 0x1C8 or 0x1C9 => 0x1C8,
        0x1CA or 0x1CB or 0x1CC => 0x1CB,
        0x1F1 or 0x1F2 or 0x1F3 => 0x1F2,
        _ => ToUpper(r),
    };

    public static UnicodeCategory Category(int r) =>
        Rune.IsValid(r) ? Rune.GetUnicodeCategory(new Rune(r)) : UnicodeCategory.OtherNotAssigned;

    public static bool IsUpper(int r) => Category(r) == UnicodeCategory.UppercaseLetter;

    public static bool IsLower(int r) => Category(r) == UnicodeCategory.LowercaseLetter;

    public static bool IsTitle(int r) => Category(r) == UnicodeCategory.TitlecaseLetter;

    public static bool IsLetter(int r) => Category(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    public static bool IsDigit(int r) => Category(r) == UnicodeCategory.DecimalDigitNumber;

    public static bool IsNumber(int r) => Category(r) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.OtherNumber;

    public static bool IsPunct(int r) => Category(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
        or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
        or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static string MapRunes(string s, Func<int, int> map)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var r in SprigCoreBytes.Runes(s))
            SprigCoreBytes.AppendRune(sb, map(r));
        return sb.ToString();
    }

    // strings.Title: the first letter of each word, words being separated as Go's isSeparator says.
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var prev = (int)' ';
        foreach (var r in SprigCoreBytes.Runes(s))
        {
            SprigCoreBytes.AppendRune(sb, IsSeparator(prev) ? ToTitle(r) : r);
            prev = r;
        }

        return sb.ToString();
    }

    private static bool IsSeparator(int r)
    {
        if (r <= 0x7F)
            return !(r is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_');
        if (IsLetter(r) || IsDigit(r))
            return false;
        return SprigCoreBytes.IsSpace(r);
    }

    private static string Untitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        var next = true;
        foreach (var r in SprigCoreBytes.Runes(s))
        {
            if (SprigCoreBytes.IsSpace(r))
            {
                next = true;
                SprigCoreBytes.AppendRune(sb, r);
            }
            else if (next)
            {
                SprigCoreBytes.AppendRune(sb, ToLower(r));
                next = false;
            }
            else
            {
                SprigCoreBytes.AppendRune(sb, r);
            }
        }

        return sb.ToString();
    }

    // goutils' SwapCase: a lower-case letter at the start of a word becomes title case (differs from upper case only for digraphs).
    private static string SwapCase(string s)
    {
        var sb = new StringBuilder(s.Length);
        var whitespace = true;
        foreach (var r in SprigCoreBytes.Runes(s))
        {
            var m = r;
            if (IsUpper(r) || IsTitle(r))
            {
                m = ToLower(r);
                whitespace = false;
            }
            else if (IsLower(r))
            {
                m = whitespace ? ToTitle(r) : ToUpper(r);
                whitespace = false;
            }
            else
            {
                whitespace = SprigCoreBytes.IsSpace(r);
            }

            SprigCoreBytes.AppendRune(sb, m);
        }

        return sb.ToString();
    }

    // goutils works on bytes here: each kept byte is written as the rune of that value.
    private static string NoSpace(string s)
    {
        var bytes = SprigCoreBytes.Encode(s);
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (!SprigCoreBytes.IsSpace(b))
                sb.Append((char)b);
        }

        return sb.Length == bytes.Length ? s : sb.ToString();
    }

    private static string Initials(string s)
    {
        var sb = new StringBuilder();
        var lastWasGap = true;
        foreach (var b in SprigCoreBytes.Encode(s))
        {
            if (SprigCoreBytes.IsSpace(b))
            {
                lastWasGap = true;
            }
            else if (lastWasGap)
            {
                sb.Append((char)b);
                lastWasGap = false;
            }
        }

        return sb.ToString();
    }

    // goutils' WrapCustom, on bytes.
    private static string Wrap(string s, long wrapLength, string newLine, bool wrapLongWords)
    {
        if (s.Length == 0)
            return "";
        if (newLine.Length == 0)
            newLine = "\n";
        var width = (int)Math.Clamp(wrapLength, 1, int.MaxValue / 2);
        var str = SprigCoreBytes.Encode(s);
        var nl = SprigCoreBytes.Encode(newLine);
        var len = str.Length;
        var offset = 0;
        var output = new List<byte>(len + 16);
        while (len - offset > width)
        {
            if (str[offset] == ' ')
            {
                offset++;
                continue;
            }

            var end = width + offset + 1;
            var space = str.AsSpan(offset, end - offset).LastIndexOf((byte)' ');
            if (space >= 0)
            {
                output.AddRange(str.AsSpan(offset, space));
                output.AddRange(nl);
                offset += space + 1;
            }
            else if (wrapLongWords)
            {
                output.AddRange(str.AsSpan(offset, width));
                output.AddRange(nl);
                offset += width;
            }
            else
            {
                end = width + offset;
                var index = str.AsSpan(end).IndexOf((byte)' ');
                if (index == -1)
                {
                    output.AddRange(str.AsSpan(offset));
                    offset = len;
                }
                else
                {
                    output.AddRange(str.AsSpan(offset, index + end - offset));
                    output.AddRange(nl);
                    offset = index + end + 1;
                }
            }
        }

        output.AddRange(str.AsSpan(offset));
        return SprigCoreBytes.Decode([.. output]);
    }

    private static object Quote(IReadOnlyList<object?> args, bool single)
    {
        // The common call: one value without provenance of its own.
        if (args.Count == 1 && args[0] is not (null or TrackedString))
            return single ? "'" + GoFormat.FormatValue(args[0]) + "'" : GoFormat.Quote(Strval(args[0]));
        var result = new SprigCoreTrackedText();
        var first = true;
        foreach (var arg in args)
        {
            if (arg is null)
                continue;
            if (!first)
                result.Append(' ');
            first = false;
            if (single)
            {
                result.Append('\'');
                if (arg is TrackedString t)
                    result.Copy(t, t.Text, 0, t.Text.Length);
                else
                    result.Append(GoFormat.FormatValue(arg));
                result.Append('\'');
            }
            else if (arg is TrackedString t)
            {
                QuoteTracked(result, t);
            }
            else
            {
                result.Append(GoFormat.Quote(Strval(arg)));
            }
        }

        return result.Build();
    }

    // Runs of characters that %q leaves alone are copied whole; only escaped characters are rewritten.
    private static void QuoteTracked(SprigCoreTrackedText result, TrackedString t)
    {
        var text = t.Text;
        result.Append('"');
        var runStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is >= ' ' and < (char)0x7F and not '"' and not '\\')
            {
                i++;
                continue;
            }

            var n = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var piece = text.Substring(i, n);
            var quoted = GoFormat.Quote(piece)[1..^1];
            if (!string.Equals(quoted, piece, StringComparison.Ordinal))
            {
                result.Copy(t, text, runStart, i - runStart);
                result.Replace(t, text, i, quoted);
                runStart = i + n;
            }

            i += n;
        }

        result.Copy(t, text, runStart, text.Length - runStart);
        result.Append('"');
    }

    private static string Cat(IReadOnlyList<object?> args) =>
        string.Join(' ', args.Where(a => a is not null).Select(GoFormat.FormatValue));

    private static object Indent(long spaces, object? value, bool newlineFirst)
    {
        if (spaces < 0)
            throw Fail("strings: negative Repeat count");
        var text = Text(value);
        var lines = text.AsSpan().Count('\n') + 1;
        if (text.Length + (spaces * (double)lines) > MaxResultLength)
            throw Fail(Invariant($"indent: the result exceeds the limit of {MaxResultLength} characters"));
        var pad = new string(' ', (int)spaces);
        var tracked = value as TrackedString;
        if (tracked is null)
        {
            var plain = pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
            return newlineFirst ? "\n" + plain : plain;
        }

        var result = new SprigCoreTrackedText();
        if (newlineFirst)
            result.Append('\n');
        result.Append(pad);
        var pos = 0;
        while (pos < text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            if (nl < 0)
            {
                result.Copy(tracked, text, pos, text.Length - pos);
                break;
            }

            result.Copy(tracked, text, pos, nl - pos + 1);
            result.Append(pad);
            pos = nl + 1;
        }

        return result.Build();
    }

    private static string Replace(string src, string oldValue, string newValue)
    {
        if (oldValue.Length > 0)
            return src.Replace(oldValue, newValue, StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append(newValue);
        foreach (var piece in Explode(src, -1))
            sb.Append(piece).Append(newValue);
        return sb.ToString();
    }

    // strings.Split with an empty separator: one piece per UTF-8 sequence (per stray byte).
    private static List<string> Explode(string s, long n)
    {
        var pieces = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            if (n > 0 && pieces.Count == n - 1)
            {
                pieces.Add(s[i..]);
                return pieces;
            }

            var len = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            pieces.Add(s.Substring(i, len));
            i += len;
        }

        return pieces;
    }

    /// <summary>Go's <c>strings.SplitN</c> (<paramref name="n"/> &lt; 0: no limit; 0: nothing).</summary>
    public static List<object?> Split(string s, string sep, long n)
    {
        if (n == 0)
            return [];
        if (sep.Length == 0)
            return [.. Explode(s, n)];
        var parts = n < 0 ? s.Split(sep) : s.Split(sep, (int)Math.Min(n, int.MaxValue));
        return [.. parts];
    }

    private static GoMap SplitMap(string s, string sep, long n)
    {
        var map = new GoMap(GoMap.StringMapType);
        var parts = Split(s, sep, n);
        for (var i = 0; i < parts.Count; i++)
            map["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        return map;
    }

    private static GoList SortAlpha(object? value)
    {
        if (!IsList(value))
            return new GoList([Strval(value)], GoList.StringSliceType);
        var list = StrSlice(value);
        var items = list.Select(x => (string)x!).ToArray();
        Array.Sort(items, CompareBytes);
        // Go sorts a []string argument in place.
        for (var i = 0; i < items.Length; i++)
            list[i] = items[i];
        return list;
    }

    /// <summary>Go's string order: byte-wise on UTF-8.</summary>
    public static int CompareBytes(string? a, string? b)
    {
        if (a is null || b is null)
            return string.CompareOrdinal(a, b);
        if (SprigCoreBytes.IsAscii(a) && SprigCoreBytes.IsAscii(b))
            return string.CompareOrdinal(a, b);
        return SprigCoreBytes.Encode(a).AsSpan().SequenceCompareTo(SprigCoreBytes.Encode(b));
    }
}
