using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// A compiled Go regular expression with Go's search loop: matches are found left to right, an empty
/// match right after a previous match is skipped, and the search always advances a whole code point.
/// </summary>
internal sealed class SprigExtraGoRegexp
{
    // A bound for the backtracking fallback (patterns the linear engine cannot run), which can blow up where RE2 cannot.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex _regex;
    private readonly IReadOnlyList<string> _names;

    private SprigExtraGoRegexp(string expr, Regex regex, IReadOnlyList<string> names)
    {
        Expr = expr;
        _regex = regex;
        _names = names;
    }

    public string Expr { get; }

    // Templates call regex functions in loops with the same few patterns; building the matcher is the costly part.
    private const int CacheLimit = 512;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SprigExtraGoRegexp> Cache = new(StringComparer.Ordinal);

    /// <summary>Go's <c>regexp.Compile</c>; throws <see cref="SprigExtraRegexSyntaxException"/>.</summary>
    public static SprigExtraGoRegexp Compile(string expr)
    {
        if (Cache.TryGetValue(expr, out var cached))
            return cached;
        var compiled = Build(expr);
        if (Cache.Count >= CacheLimit)
            Cache.Clear();
        Cache[expr] = compiled;
        return compiled;
    }

    private static SprigExtraGoRegexp Build(string expr)
    {
        var t = SprigExtraRegexTranslator.Translate(expr);
        Regex regex;
        try
        {
            // Like RE2, the non-backtracking engine matches in time linear in the input, whatever the pattern.
            regex = new Regex(t.Pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            regex = new Regex(t.Pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }

        return new SprigExtraGoRegexp(expr, regex, t.GroupNames);
    }

    /// <summary>Go's <c>regexp.MustCompile</c>: the panic text becomes a function error.</summary>
    public static SprigExtraGoRegexp MustCompile(string expr)
    {
        try
        {
            return Compile(expr);
        }
        catch (SprigExtraRegexSyntaxException e)
        {
            throw new TemplateFunctionException("regexp: Compile(" + QuoteForPanic(expr) + "): " + e.Message, e);
        }
    }

    private static string QuoteForPanic(string s)
    {
        // strconv.CanBackquote: no backquote and no control characters other than tab.
        var canBackquote = s.All(c => c != '`' && c != '\uFFFD' && (c >= ' ' || c == '\t') && c != '\u007F');
        return canBackquote ? "`" + s + "`" : Values.GoFormat.Quote(s);
    }

    /// <summary>Go's <c>FindStringSubmatch</c>: group texts by Go index ("" for groups that did not take part), or null.</summary>
    public string[]? FindStringSubmatch(string s)
    {
        var m = Guard(() => _regex.Match(s));
        return m.Success ? Groups(m) : null;
    }

    /// <summary>Go's <c>FindAllStringSubmatch</c> with n = -1.</summary>
    public List<string[]> FindAllStringSubmatch(string s) => AllMatches(s, -1).Select(Groups).ToList();

    private string[] Groups(Match m)
    {
        var groups = new string[_names.Count];
        for (var i = 0; i < groups.Length; i++)
            groups[i] = m.Groups[i].Success ? m.Groups[i].Value : "";
        return groups;
    }

    public bool IsMatch(string s) => Guard(() => _regex.IsMatch(s));

    public string FindString(string s) => Guard(() =>
    {
        var m = _regex.Match(s);
        return m.Success ? m.Value : "";
    });

    /// <summary>Go's <c>FindAllString</c>: null (a nil slice) when there is no match or n is 0.</summary>
    public List<string>? FindAllString(string s, int n)
    {
        var result = new List<string>();
        foreach (var m in AllMatches(s, n))
            result.Add(m.Value);
        return result.Count == 0 ? null : result;
    }

    public List<string>? Split(string s, int n)
    {
        if (n == 0)
            return null;
        if (Expr.Length > 0 && s.Length == 0)
            return [""];
        var matches = AllMatches(s, n);
        var strings = new List<string>();
        var beg = 0;
        var end = 0;
        foreach (var m in matches)
        {
            if (n > 0 && strings.Count == n - 1)
                break;
            end = m.Index;
            if (m.Index + m.Length != 0)
                strings.Add(s[beg..end]);
            beg = m.Index + m.Length;
        }

        if (end != s.Length)
            strings.Add(s[beg..]);
        return strings;
    }

    public string ReplaceAll(string s, string replacement, bool literal)
    {
        var sb = new StringBuilder();
        var lastMatchEnd = 0;
        var searchPos = 0;
        while (searchPos <= s.Length)
        {
            var m = Guard(() => _regex.Match(s, searchPos));
            if (!m.Success)
                break;
            sb.Append(s, lastMatchEnd, m.Index - lastMatchEnd);
            var matchEnd = m.Index + m.Length;
            if (matchEnd > lastMatchEnd || m.Index == 0)
            {
                if (literal)
                    sb.Append(replacement);
                else
                    Expand(sb, replacement, m);
            }

            lastMatchEnd = matchEnd;
            var width = searchPos < s.Length ? RuneWidth(s, searchPos) : 1;
            if (searchPos + width > matchEnd)
                searchPos += width;
            else if (searchPos + 1 > matchEnd)
                searchPos++;
            else
                searchPos = matchEnd;
        }

        sb.Append(s, lastMatchEnd, s.Length - lastMatchEnd);
        return sb.ToString();
    }

    private List<Match> AllMatches(string s, int n)
    {
        if (n < 0)
            n = s.Length + 1;
        var result = new List<Match>();
        var pos = 0;
        var prevMatchEnd = -1;
        while (result.Count < n && pos <= s.Length)
        {
            var m = Guard(() => _regex.Match(s, pos));
            if (!m.Success)
                break;
            var accept = true;
            var matchEnd = m.Index + m.Length;
            if (matchEnd == pos)
            {
                if (m.Index == prevMatchEnd)
                    accept = false;
                pos += pos < s.Length ? RuneWidth(s, pos) : 1;
            }
            else
            {
                pos = matchEnd;
            }

            prevMatchEnd = matchEnd;
            if (accept)
                result.Add(m);
        }

        return result;
    }

    private void Expand(StringBuilder dst, string template, Match m)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
                break;
            dst.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                dst.Append('$');
                i++;
                continue;
            }

            if (!TryExtract(template, i, out var name, out var num, out var rest))
            {
                dst.Append('$');
                continue;
            }

            i = rest;
            if (num >= 0)
            {
                if (num < _names.Count && m.Groups[num].Success)
                    dst.Append(m.Groups[num].Value);
            }
            else
            {
                for (var g = 1; g < _names.Count; g++)
                {
                    if (_names[g] == name)
                    {
                        if (m.Groups[g].Success)
                            dst.Append(m.Groups[g].Value);
                        break;
                    }
                }
            }
        }

        if (i < template.Length)
            dst.Append(template, i, template.Length - i);
    }

    private static bool TryExtract(string s, int start, out string name, out int num, out int rest)
    {
        name = "";
        num = -1;
        rest = start;
        if (start >= s.Length)
            return false;
        var p = start;
        var brace = false;
        if (s[p] == '{')
        {
            brace = true;
            p++;
        }

        var nameStart = p;
        while (p < s.Length)
        {
            if (!Rune.TryGetRuneAt(s, p, out var r))
                break;
            if (!Rune.IsLetter(r) && !Rune.IsDigit(r) && r.Value != '_')
                break;
            p += r.Utf16SequenceLength;
        }

        if (p == nameStart)
            return false;
        name = s[nameStart..p];
        if (brace)
        {
            if (p >= s.Length || s[p] != '}')
                return false;
            p++;
        }

        num = 0;
        foreach (var c in name)
        {
            if (c is < '0' or > '9' || num >= 100_000_000)
            {
                num = -1;
                break;
            }

            num = (num * 10) + (c - '0');
        }

        if (name[0] == '0' && name.Length > 1)
            num = -1;
        rest = p;
        return true;
    }

    private static int RuneWidth(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;

    private static T Guard<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new TemplateFunctionException("regexp: match took too long (pattern too expensive for this engine)", e);
        }
    }
}
