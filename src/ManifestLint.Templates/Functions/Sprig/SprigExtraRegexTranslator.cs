using System.Globalization;
using System.Text;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Reads a Go (RE2) regular expression the way Go's <c>regexp/syntax</c> parser reads it, rejecting what
/// Go rejects with Go's error codes, and writes an equivalent .NET pattern. Everything whose meaning
/// differs between the two dialects is spelled out explicitly: ASCII-only <c>\d \w \s \b</c>, <c>$</c>
/// as end of text, <c>.</c> as a whole code point, POSIX classes, <c>\Q…\E</c>, the <c>U</c> flag,
/// and capture groups numbered left to right whether named or not.
/// </summary>
internal sealed class SprigExtraRegexTranslator
{
    private const string WordClass = "0-9A-Za-z_";
    private const string WordBoundary =
        "(?-i:(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_])))";
    private const string NonWordBoundary =
        "(?-i:(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_])))";

    private readonly string _whole;
    private readonly StringBuilder _out = new();
    private readonly List<string> _names = [""];
    private readonly Stack<Frame> _frames = new();
    private int _pos;
    private Flags _flags;

    // Start (in _out) of the operand a following repetition applies to, or -1 when there is none.
    private int _atomStart = -1;

    // Multiplier of the innermost repetitions, to reject nested counts above 1000 as Go does.
    private int _atomRepeatWeight = 1;

    private SprigExtraRegexTranslator(string expr)
    {
        _whole = expr;
    }

    [Flags]
    private enum Flags
    {
        None = 0,
        FoldCase = 1,
        MultiLine = 2,
        DotNewLine = 4,
        NonGreedy = 8,
    }

    /// <summary>The translated .NET pattern.</summary>
    public string Pattern => _out.ToString();

    /// <summary>Capture group names by Go group index (index 0 is the whole match; "" for unnamed groups).</summary>
    public IReadOnlyList<string> GroupNames => _names;

    /// <summary>Translates <paramref name="expr"/>; throws <see cref="SprigExtraRegexSyntaxException"/> on Go syntax errors.</summary>
    public static SprigExtraRegexTranslator Translate(string expr)
    {
        var t = new SprigExtraRegexTranslator(expr);
        t.Run();
        return t;
    }

    private sealed record Frame(int OutStart, Flags SavedFlags, int RepeatWeight);

    private void Run()
    {
        var lastRepeatStart = -1;
        while (_pos < _whole.Length)
        {
            var repeatStart = -1;
            var c = _whole[_pos];
            switch (c)
            {
                case '(':
                    OpenGroup();
                    break;
                case '|':
                    _out.Append('|');
                    _atomStart = -1;
                    _pos++;
                    break;
                case ')':
                    CloseGroup();
                    break;
                case '^':
                    BeginAtom();
                    _out.Append(_flags.HasFlag(Flags.MultiLine) ? "(?m:^)" : "\\A");
                    _pos++;
                    break;
                case '$':
                    BeginAtom();
                    _out.Append(_flags.HasFlag(Flags.MultiLine) ? "(?=\\n|\\z)" : "\\z");
                    _pos++;
                    break;
                case '.':
                    BeginAtom();
                    _out.Append(_flags.HasFlag(Flags.DotNewLine)
                        ? "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\s\\S])"
                        : "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\n])");
                    _pos++;
                    break;
                case '[':
                    BeginAtom();
                    ParseClass();
                    break;
                case '*' or '+' or '?':
                    {
                        var before = _pos;
                        _pos++;
                        Repeat(c.ToString(), 0, 0, before, lastRepeatStart);
                        repeatStart = before;
                        break;
                    }

                case '{':
                    {
                        var before = _pos;
                        if (!TryParseRepeat(out var min, out var max, out var after))
                        {
                            BeginAtom();
                            AppendLiteral('{');
                            _pos++;
                            break;
                        }

                        if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max))
                            throw Error("invalid repeat count", _whole[before..after]);
                        _pos = after;
                        var op = max == -1 ? $"{{{min},}}" : min == max ? $"{{{min}}}" : $"{{{min},{max}}}";
                        Repeat(op, min, max, before, lastRepeatStart);
                        repeatStart = before;
                        break;
                    }

                case '\\':
                    ParseBackslash();
                    break;
                default:
                    {
                        BeginAtom();
                        var r = NextRune(ref _pos);
                        AppendLiteral(r);
                        break;
                    }
            }

            lastRepeatStart = repeatStart;
        }

        if (_frames.Count != 0)
            throw Error("missing closing )", _whole);
    }

    private void BeginAtom()
    {
        _atomStart = _out.Length;
        _atomRepeatWeight = 1;
    }

    private void OpenGroup()
    {
        var start = _out.Length;
        if (_pos + 1 < _whole.Length && _whole[_pos + 1] == '?')
        {
            ParsePerlFlags(start);
            return;
        }

        _names.Add("");
        PushFrame(start);
        _out.Append("(?<").Append((_names.Count - 1).ToString(CultureInfo.InvariantCulture)).Append('>');
        _atomStart = -1;
        _pos++;
    }

    private void ParsePerlFlags(int start)
    {
        var t = _whole.AsSpan(_pos);
        if (t.Length > 4 && t[2] == 'P' && t[3] == '<')
        {
            var end = t.IndexOf('>');
            if (end < 0)
                throw Error("invalid named capture", _whole[_pos..]);
            var capture = t[..(end + 1)].ToString();
            var name = t[4..end].ToString();
            if (name.Length == 0 || !name.All(IsWordChar))
                throw Error("invalid named capture", capture);
            _names.Add(name);
            PushFrame(start);
            _out.Append("(?<").Append((_names.Count - 1).ToString(CultureInfo.InvariantCulture)).Append('>');
            _atomStart = -1;
            _pos += end + 1;
            return;
        }

        var flags = _flags;
        var negate = false;
        var sawFlag = false;
        var p = _pos + 2;
        while (p < _whole.Length)
        {
            var c = NextRune(ref p);
            switch (c)
            {
                case 'i':
                    flags = negate ? flags & ~Flags.FoldCase : flags | Flags.FoldCase;
                    sawFlag = true;
                    continue;
                case 'm':
                    flags = negate ? flags & ~Flags.MultiLine : flags | Flags.MultiLine;
                    sawFlag = true;
                    continue;
                case 's':
                    flags = negate ? flags & ~Flags.DotNewLine : flags | Flags.DotNewLine;
                    sawFlag = true;
                    continue;
                case 'U':
                    flags = negate ? flags & ~Flags.NonGreedy : flags | Flags.NonGreedy;
                    sawFlag = true;
                    continue;
                case '-' when !negate:
                    negate = true;
                    sawFlag = false;
                    continue;
                case ':' or ')' when !negate || sawFlag:
                    var fold = flags.HasFlag(Flags.FoldCase) ? "i" : "-i";
                    if (c == ':')
                    {
                        PushFrame(start);
                        _out.Append("(?").Append(fold).Append(':');
                        _atomStart = -1;
                    }
                    else
                    {
                        // Go keeps the operand before a flag group available to a following repetition;
                        // emitting the inline option does not change that here.
                        _out.Append("(?").Append(fold).Append(')');
                    }

                    _flags = flags;
                    _pos = p;
                    return;
                default:
                    break;
            }

            break;
        }

        throw Error("invalid or unsupported Perl syntax", _whole[_pos..Math.Min(p, _whole.Length)]);
    }

    // Go refuses deeper nesting; it also keeps the .NET parser far from its stack limit.
    private void PushFrame(int start)
    {
        if (_frames.Count >= 1000)
            throw Error("expression nests too deeply", _whole);
        _frames.Push(new Frame(start, _flags, 1));
    }

    private void CloseGroup()
    {
        if (_frames.Count == 0)
            throw Error("unexpected )", _whole);
        var frame = _frames.Pop();
        _out.Append(')');
        _flags = frame.SavedFlags;
        _atomStart = frame.OutStart;
        _atomRepeatWeight = frame.RepeatWeight;
        _pos++;
    }

    private void Repeat(string op, int min, int max, int before, int lastRepeatStart)
    {
        var greedy = !_flags.HasFlag(Flags.NonGreedy);
        if (_pos < _whole.Length && _whole[_pos] == '?')
        {
            _pos++;
            greedy = !greedy;
        }

        if (lastRepeatStart >= 0)
            throw Error("invalid nested repetition operator", _whole[lastRepeatStart.._pos]);
        if (_atomStart < 0)
            throw Error("missing argument to repetition operator", _whole[before.._pos]);

        var weight = _atomRepeatWeight;
        if (op[0] == '{' && (min >= 2 || max >= 2))
        {
            weight *= Math.Max(min, max);
            if (weight > 1000)
                throw Error("invalid repeat count", _whole[before.._pos]);
        }

        _out.Insert(_atomStart, "(?:");
        _out.Append(')').Append(op);
        if (!greedy)
            _out.Append('?');
        _atomRepeatWeight = weight;
        PropagateWeight(weight);
    }

    private void PropagateWeight(int weight)
    {
        if (_frames.Count == 0)
            return;
        var top = _frames.Pop();
        _frames.Push(top with { RepeatWeight = Math.Max(top.RepeatWeight, weight) });
    }

    private bool TryParseRepeat(out int min, out int max, out int after)
    {
        min = max = -1;
        after = _pos;
        var p = _pos + 1;
        if (!TryParseInt(ref p, out min))
            return false;
        if (p >= _whole.Length)
            return false;
        if (_whole[p] == ',')
        {
            p++;
            if (p >= _whole.Length)
                return false;
            if (_whole[p] == '}')
            {
                max = -1;
            }
            else if (!TryParseInt(ref p, out max))
            {
                return false;
            }
        }
        else
        {
            max = min;
        }

        if (p >= _whole.Length || _whole[p] != '}')
            return false;
        after = p + 1;
        return true;
    }

    private bool TryParseInt(ref int p, out int value)
    {
        value = 0;
        var start = p;
        while (p < _whole.Length && _whole[p] is >= '0' and <= '9')
            p++;
        if (p == start)
            return false;
        if (p - start >= 2 && _whole[start] == '0')
            return false;
        for (var i = start; i < p; i++)
        {
            if (value >= 100_000_000)
            {
                value = -1;
                break;
            }

            value = (value * 10) + (_whole[i] - '0');
        }

        return true;
    }

    private void ParseBackslash()
    {
        if (_pos + 1 < _whole.Length)
        {
            switch (_whole[_pos + 1])
            {
                case 'A':
                    BeginAtom();
                    _out.Append("\\A");
                    _pos += 2;
                    return;
                case 'z':
                    BeginAtom();
                    _out.Append("\\z");
                    _pos += 2;
                    return;
                case 'b':
                    BeginAtom();
                    _out.Append(WordBoundary);
                    _pos += 2;
                    return;
                case 'B':
                    BeginAtom();
                    _out.Append(NonWordBoundary);
                    _pos += 2;
                    return;
                case 'C':
                    throw Error("invalid escape sequence", "\\C");
                case 'Q':
                    {
                        var rest = _whole.AsSpan(_pos + 2);
                        var end = rest.IndexOf("\\E", StringComparison.Ordinal);
                        var lit = end < 0 ? rest.ToString() : rest[..end].ToString();
                        _pos = end < 0 ? _whole.Length : _pos + 2 + end + 2;
                        var i = 0;
                        while (i < lit.Length)
                        {
                            BeginAtom();
                            AppendLiteral(NextRune(lit, ref i));
                        }

                        return;
                    }

                default:
                    break;
            }
        }

        var cls = new ClassBuilder();
        if (TryParseUnicodeClass(cls) || TryParsePerlClass(cls))
        {
            BeginAtom();
            _out.Append(cls.Build(negated: false));
            return;
        }

        BeginAtom();
        AppendLiteral(ParseEscape());
    }

    private int ParseEscape()
    {
        var start = _pos;
        _pos++;
        if (_pos >= _whole.Length)
            throw Error("trailing backslash at end of expression", "");
        var c = NextRune(ref _pos);
        switch (c)
        {
            case >= '1' and <= '7' when _pos >= _whole.Length || _whole[_pos] is < '0' or > '7':
                break;
            case >= '0' and <= '7':
                {
                    var r = c - '0';
                    for (var i = 1; i < 3; i++)
                    {
                        if (_pos >= _whole.Length || _whole[_pos] is < '0' or > '7')
                            break;
                        r = (r * 8) + (_whole[_pos] - '0');
                        _pos++;
                    }

                    return r;
                }

            case 'x':
                {
                    if (_pos >= _whole.Length)
                        break;
                    var d = NextRune(ref _pos);
                    if (d == '{')
                    {
                        var n = 0;
                        var r = 0;
                        while (true)
                        {
                            if (_pos >= _whole.Length)
                                throw Error("invalid escape sequence", _whole[start.._pos]);
                            var h = NextRune(ref _pos);
                            if (h == '}')
                                break;
                            var v = Unhex(h);
                            if (v < 0)
                                throw Error("invalid escape sequence", _whole[start.._pos]);
                            r = (r * 16) + v;
                            if (r > 0x10FFFF)
                                throw Error("invalid escape sequence", _whole[start.._pos]);
                            n++;
                        }

                        if (n == 0)
                            break;
                        return r;
                    }

                    var x = Unhex(d);
                    if (_pos >= _whole.Length)
                        throw Error("invalid escape sequence", _whole[start.._pos]);
                    var y = Unhex(NextRune(ref _pos));
                    if (x < 0 || y < 0)
                        break;
                    return (x * 16) + y;
                }

            case 'a':
                return 7;
            case 'f':
                return 12;
            case 'n':
                return 10;
            case 'r':
                return 13;
            case 't':
                return 9;
            case 'v':
                return 11;
            default:
                if (c < 0x80 && !char.IsAsciiLetterOrDigit((char)c))
                    return c;
                break;
        }

        throw Error("invalid escape sequence", _whole[start.._pos]);
    }

    private bool TryParsePerlClass(ClassBuilder cls)
    {
        if (_pos + 1 >= _whole.Length || _whole[_pos] != '\\')
            return false;
        var set = _whole[_pos + 1] switch
        {
            'd' or 'D' => "0-9",
            's' or 'S' => "\\t\\n\\f\\r ",
            'w' or 'W' => WordClass,
            _ => null,
        };
        if (set is null)
            return false;
        var negated = char.IsUpper(_whole[_pos + 1]);
        cls.AddAscii(set, negated);
        _pos += 2;
        return true;
    }

    private bool TryParseUnicodeClass(ClassBuilder cls)
    {
        if (_pos + 1 >= _whole.Length || _whole[_pos] != '\\' || (_whole[_pos + 1] != 'p' && _whole[_pos + 1] != 'P'))
            return false;
        var negated = _whole[_pos + 1] == 'P';
        var start = _pos;
        var p = _pos + 2;
        if (p >= _whole.Length)
            throw Error("invalid character class range", _whole[start..]);
        string name;
        string seq;
        var c = NextRune(ref p);
        if (c != '{')
        {
            name = char.ConvertFromUtf32(c);
            seq = _whole[start..p];
        }
        else
        {
            var end = _whole.IndexOf('}', p);
            if (end < 0)
                throw Error("invalid character class range", _whole[start..]);
            name = _whole[p..end];
            p = end + 1;
            seq = _whole[start..p];
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        var net = UnicodeClass(name) ?? throw Error("invalid character class range", seq);
        cls.AddUnicode(net, negated);
        _pos = p;
        return true;
    }

    private static string? UnicodeClass(string name) => name switch
    {
        "Any" => "\\s\\S",
        "L" or "Lu" or "Ll" or "Lt" or "Lm" or "Lo" or "M" or "Mn" or "Mc" or "Me" or "N" or "Nd" or "Nl" or "No"
            or "P" or "Pc" or "Pd" or "Ps" or "Pe" or "Pi" or "Pf" or "Po" or "S" or "Sm" or "Sc" or "Sk" or "So"
            or "Z" or "Zs" or "Zl" or "Zp" or "C" or "Cc" or "Cf" or "Cs" or "Co" => $"\\p{{{name}}}",
        "Greek" => "\\u0370-\\u0373\\u0375-\\u0377\\u037A-\\u037D\\u037F\\u0384\\u0386\\u0388-\\u03E1\\u03F0-\\u03FF\\u1D26-\\u1D2A\\p{IsGreekExtended}\\u2126",
        "Latin" => "A-Za-z\\u00AA\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02B8\\u02E0-\\u02E4\\u1D00-\\u1D25\\u1E00-\\u1EFF\\u2C60-\\u2C7F\\uA722-\\uA7FF\\uFF21-\\uFF3A\\uFF41-\\uFF5A",
        "Cyrillic" => "\\p{IsCyrillic}\\p{IsCyrillicSupplement}\\u2DE0-\\u2DFF\\uA640-\\uA69F",
        "Han" => "\\u2E80-\\u2FD5\\u3005\\u3007\\u3021-\\u3029\\u3038-\\u303B\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF",
        "Hiragana" => "\\u3041-\\u3096\\u309D-\\u309F",
        "Katakana" => "\\u30A1-\\u30FA\\u30FD-\\u30FF\\u31F0-\\u31FF\\uFF66-\\uFF6F\\uFF71-\\uFF9D",
        "Hangul" => "\\u1100-\\u11FF\\u3131-\\u318E\\uAC00-\\uD7A3",
        "Arabic" => "\\u0600-\\u0604\\u0606-\\u060B\\u060D-\\u061A\\u061C-\\u061E\\u0620-\\u063F\\u0641-\\u064A\\u0656-\\u066F\\u0671-\\u06DC\\u06DE-\\u06FF\\u0750-\\u077F",
        "Hebrew" => "\\u0591-\\u05C7\\u05D0-\\u05EA\\u05EF-\\u05F4\\uFB1D-\\uFB4F",
        "Thai" => "\\u0E01-\\u0E3A\\u0E40-\\u0E5B",
        "Devanagari" => "\\u0900-\\u0950\\u0955-\\u0963\\u0966-\\u097F",
        "Armenian" => "\\u0531-\\u0556\\u0559-\\u058A\\u058D-\\u058F",
        "Georgian" => "\\u10A0-\\u10FF\\u1C90-\\u1CBF\\u2D00-\\u2D2F",
        "Common" => "\\u0000-\\u0040\\u005B-\\u0060\\u007B-\\u00A9\\u00AB-\\u00B9\\u00BB-\\u00BF\\u00D7\\u00F7\\u2000-\\u206F\\u20A0-\\u20CF\\u2100-\\u2125\\u2127-\\u2129\\u212C-\\u2131\\u2133-\\u214D\\u2190-\\u2BFF\\u3000-\\u3004",
        _ => null,
    };

    private void ParseClass()
    {
        var whole = _whole[_pos..];
        var start = _pos;
        _pos++;
        var cls = new ClassBuilder();
        var negated = false;
        if (_pos < _whole.Length && _whole[_pos] == '^')
        {
            negated = true;
            _pos++;
        }

        var first = true;
        while (_pos >= _whole.Length || _whole[_pos] != ']' || first)
        {
            first = false;
            if (_pos + 2 < _whole.Length && _whole[_pos] == '[' && _whole[_pos + 1] == ':')
            {
                var close = _whole.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    var name = _whole[_pos..(close + 2)];
                    var set = PosixClass(name.Replace("[:^", "[:", StringComparison.Ordinal))
                        ?? throw Error("invalid character class range", name);
                    cls.AddAscii(set, name.StartsWith("[:^", StringComparison.Ordinal));
                    _pos = close + 2;
                    continue;
                }
            }

            if (TryParseUnicodeClass(cls) || TryParsePerlClass(cls))
                continue;

            var rangeStart = _pos;
            var lo = ParseClassChar(whole);
            var hi = lo;
            if (_pos + 1 < _whole.Length && _whole[_pos] == '-' && _whole[_pos + 1] != ']')
            {
                _pos++;
                hi = ParseClassChar(whole);
                if (hi < lo)
                    throw Error("invalid character class range", _whole[rangeStart.._pos]);
            }

            cls.AddRange(lo, hi);
        }

        _pos++;
        _ = start;
        _out.Append(cls.Build(negated));
    }

    private int ParseClassChar(string wholeClass)
    {
        if (_pos >= _whole.Length)
            throw Error("missing closing ]", wholeClass);
        if (_whole[_pos] == '\\')
            return ParseEscape();
        return NextRune(ref _pos);
    }

    private static string? PosixClass(string name) => name switch
    {
        "[:alnum:]" => "0-9A-Za-z",
        "[:alpha:]" => "A-Za-z",
        "[:ascii:]" => "\\x00-\\x7F",
        "[:blank:]" => "\\t ",
        "[:cntrl:]" => "\\x00-\\x1F\\x7F",
        "[:digit:]" => "0-9",
        "[:graph:]" => "!-~",
        "[:lower:]" => "a-z",
        "[:print:]" => " -~",
        "[:punct:]" => "!-/:-@\\[-`{-~",
        "[:space:]" => "\\t\\n\\v\\f\\r ",
        "[:upper:]" => "A-Z",
        "[:word:]" => WordClass,
        "[:xdigit:]" => "0-9A-Fa-f",
        _ => null,
    };

    private void AppendLiteral(int rune)
    {
        // Go folds case by Unicode's simple folding orbits; .NET misses the long s in the orbit of s.
        if (_flags.HasFlag(Flags.FoldCase) && rune is 's' or 'S' or 0x17F)
        {
            _out.Append("[sS\\u017F]");
            return;
        }

        if (rune > 0xFFFF)
        {
            var s = char.ConvertFromUtf32(rune);
            _out.Append("(?:").Append(EscapeChar(s[0])).Append(EscapeChar(s[1])).Append(')');
            return;
        }

        _out.Append(EscapeChar((char)rune));
    }

    internal static string EscapeChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private int NextRune(ref int p) => NextRune(_whole, ref p);

    private static int NextRune(string s, ref int p)
    {
        if (char.IsHighSurrogate(s[p]) && p + 1 < s.Length && char.IsLowSurrogate(s[p + 1]))
        {
            var r = char.ConvertToUtf32(s[p], s[p + 1]);
            p += 2;
            return r;
        }

        return s[p++];
    }

    private static int Unhex(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static SprigExtraRegexSyntaxException Error(string code, string expr) => new(code, expr);

    /// <summary>Collects the members of one character class and writes it as a .NET class.</summary>
    private sealed class ClassBuilder
    {
        private const string AnyPair = "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";

        private readonly StringBuilder _positive = new();
        private readonly List<string> _negatedParts = [];
        private readonly List<string> _astral = [];
        private bool _any;

        public void AddRange(int lo, int hi)
        {
            if (hi > 0xFFFF)
            {
                AddAstral(Math.Max(lo, 0x10000), hi);
                if (lo > 0xFFFF)
                    return;
                hi = 0xFFFF;
            }

            _positive.Append(EscapeChar((char)lo));
            if (hi != lo)
                _positive.Append('-').Append(EscapeChar((char)hi));
        }

        // .NET classes hold UTF-16 units, so code points above U+FFFF become surrogate-pair alternatives.
        private void AddAstral(int lo, int hi)
        {
            var a = char.ConvertFromUtf32(lo);
            var b = char.ConvertFromUtf32(hi);
            if (a[0] == b[0])
            {
                _astral.Add(EscapeChar(a[0]) + "[" + EscapeChar(a[1]) + "-" + EscapeChar(b[1]) + "]");
                return;
            }

            _astral.Add(EscapeChar(a[0]) + "[" + EscapeChar(a[1]) + "-\\uDFFF]");
            if (b[0] - a[0] > 1)
                _astral.Add("[" + EscapeChar((char)(a[0] + 1)) + "-" + EscapeChar((char)(b[0] - 1)) + "][\\uDC00-\\uDFFF]");
            _astral.Add(EscapeChar(b[0]) + "[\\uDC00-" + EscapeChar(b[1]) + "]");
        }

        public void AddAscii(string set, bool negated)
        {
            if (negated)
                _negatedParts.Add(set);
            else
                _positive.Append(set);
        }

        public void AddUnicode(string set, bool negated)
        {
            if (set == "\\s\\S")
                _any |= !negated;
            if (!negated)
            {
                _positive.Append(set);
                return;
            }

            // .NET negates a single category directly; other sets become a negated sub-class.
            if (set.StartsWith("\\p{", StringComparison.Ordinal) && set.IndexOf('}') == set.Length - 1)
            {
                _positive.Append("\\P").Append(set.AsSpan(2));
                _any = true;
            }
            else
            {
                _negatedParts.Add(set);
            }
        }

        public string Build(bool negated)
        {
            // Negated members (\D, [:^alpha:], \PL) take in every code point above U+FFFF.
            var coversAstral = _any || _negatedParts.Count > 0;
            var bmp = BuildBmp(negated);
            string? astral;
            if (!negated)
                astral = coversAstral ? AnyPair : _astral.Count > 0 ? string.Join('|', _astral) : null;
            else if (coversAstral)
                astral = null;
            else
                astral = _astral.Count > 0 ? "(?!" + string.Join('|', _astral) + ")" + AnyPair : AnyPair;
            return astral is null ? bmp : "(?:" + astral + "|" + bmp + ")";
        }

        private string BuildBmp(bool negated)
        {
            // A union with negated parts is written as an alternation of classes, itself negated by a
            // lookahead when the whole class is negated.
            if (_negatedParts.Count == 0)
            {
                if (_positive.Length == 0)
                    return negated ? "[^\\uD800-\\uDFFF]" : "[^\\s\\S]";
                return negated ? "[^" + _positive + "\\uD800-\\uDFFF]" : "[" + _positive + "]";
            }

            var alternatives = new List<string>();
            if (_positive.Length > 0)
                alternatives.Add("[" + _positive + "]");
            alternatives.AddRange(_negatedParts.Select(p => "[^" + p + "]"));
            var union = "(?:" + string.Join('|', alternatives) + ")";
            return negated ? "(?:(?!" + union + ")[^\\uD800-\\uDFFF])" : union;
        }
    }
}
