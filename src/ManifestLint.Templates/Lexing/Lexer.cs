using System.Globalization;

namespace ManifestLint.Templates.Lexing;

/// <summary>
/// Go's <c>text/template</c> lexer with the default delimiters, run to completion: it returns every token
/// up to EOF or the first error token (which ends the list, as Go's lexer stops there).
/// </summary>
internal sealed class Lexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";
    private const string LeftComment = "/*";
    private const string RightComment = "*/";
    private const int Eof = -1;

    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["."] = TokenKind.Dot,
        ["block"] = TokenKind.Block,
        ["break"] = TokenKind.Break,
        ["continue"] = TokenKind.Continue,
        ["define"] = TokenKind.Define,
        ["else"] = TokenKind.Else,
        ["end"] = TokenKind.End,
        ["if"] = TokenKind.If,
        ["range"] = TokenKind.Range,
        ["nil"] = TokenKind.Nil,
        ["template"] = TokenKind.Template,
        ["with"] = TokenKind.With,
    };

    private readonly string _input;
    private readonly List<Token> _tokens;
    private int _pos;
    private int _start;
    private int _line = 1;
    private int _startLine = 1;
    private int _parenDepth;
    private int _lastWidth;

    private Lexer(string input)
    {
        _input = input;
        _tokens = new List<Token>((input.Length / 6) + 8);
    }

    private delegate State? State();

    public static List<Token> Lex(string input)
    {
        var lexer = new Lexer(input);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        State? state = LexText;
        while (state is not null)
            state = state();
    }

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _lastWidth = 0;
            return Eof;
        }

        var c = _input[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < _input.Length && char.IsLowSurrogate(_input[_pos + 1]))
        {
            _lastWidth = 2;
            _pos += 2;
            return char.ConvertToUtf32(c, _input[_pos - 1]);
        }

        _lastWidth = 1;
        _pos++;
        if (c == '\n')
            _line++;
        return c;
    }

    private int Peek()
    {
        var savedLine = _line;
        var savedWidth = _lastWidth;
        var r = Next();
        Backup();
        _line = savedLine;
        _lastWidth = savedWidth;
        return r;
    }

    private void Backup()
    {
        if (_lastWidth > 0)
        {
            _pos -= _lastWidth;
            if (_lastWidth == 1 && _input[_pos] == '\n')
                _line--;
        }
    }

    private void Emit(TokenKind kind)
    {
        _tokens.Add(new Token(kind, _input[_start.._pos], _start, _startLine));
        _start = _pos;
        _startLine = _line;
    }

    private void Ignore()
    {
        _line += CountNewlines(_start, _pos);
        _start = _pos;
        _startLine = _line;
    }

    private int CountNewlines(int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (_input[i] == '\n')
                n++;
        }

        return n;
    }

    private bool Accept(string valid)
    {
        var r = Next();
        if (r != Eof && valid.Contains((char)r, StringComparison.Ordinal) && r < 0x80)
            return true;
        Backup();
        return false;
    }

    private void AcceptRun(string valid)
    {
        while (true)
        {
            var r = Next();
            if (r == Eof || r >= 0x80 || !valid.Contains((char)r, StringComparison.Ordinal))
                break;
        }

        Backup();
    }

    private State? Errorf(string message)
    {
        _tokens.Add(new Token(TokenKind.Error, message, _start, _startLine));
        return null;
    }

    private static bool IsSpace(int r) => r is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(int r)
    {
        if (r == '_')
            return true;
        if (r < 0)
            return false;
        if (r < 0x80)
            return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9');
        var cat = CharUnicodeInfo.GetUnicodeCategory(r);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
    }

    private bool HasLeftTrimMarker(int at) => at + 1 < _input.Length && _input[at] == '-' && IsSpace(_input[at + 1]);

    private bool HasRightTrimMarker(int at) => at + 1 < _input.Length && IsSpace(_input[at]) && _input[at + 1] == '-';

    private bool StartsWithAt(int at, string s) => at >= 0 && string.CompareOrdinal(_input, at, s, 0, s.Length) == 0 && at + s.Length <= _input.Length;

    private (bool Delim, bool Trim) AtRightDelim()
    {
        if (HasRightTrimMarker(_pos) && StartsWithAt(_pos + 2, RightDelim))
            return (true, true);
        if (StartsWithAt(_pos, RightDelim))
            return (true, false);
        return (false, false);
    }

    private int LeftTrimLength(int at)
    {
        var i = at;
        while (i < _input.Length && IsSpace(_input[i]))
            i++;
        return i - at;
    }

    private State? LexText()
    {
        var x = _input.IndexOf(LeftDelim, _pos, StringComparison.Ordinal);
        if (x >= 0)
        {
            if (x > _pos)
            {
                _pos = x;
                var trimLength = 0;
                if (HasLeftTrimMarker(_pos + LeftDelim.Length))
                {
                    var j = _pos;
                    while (j > _start && IsSpace(_input[j - 1]))
                        j--;
                    trimLength = _pos - j;
                }

                _pos -= trimLength;
                if (_pos > _start)
                {
                    _line = _startLine + CountNewlines(_start, _pos);
                    Emit(TokenKind.Text);
                }

                _pos += trimLength;
                Ignore();
            }

            return LexLeftDelim;
        }

        _pos = _input.Length;
        if (_pos > _start)
        {
            _line = _startLine + CountNewlines(_start, _pos);
            Emit(TokenKind.Text);
        }

        _tokens.Add(new Token(TokenKind.Eof, string.Empty, _pos, _line));
        return null;
    }

    private State? LexLeftDelim()
    {
        _pos += LeftDelim.Length;
        var trim = HasLeftTrimMarker(_pos);
        var afterMarker = trim ? 2 : 0;
        if (StartsWithAt(_pos + afterMarker, LeftComment))
        {
            _pos += afterMarker;
            Ignore();
            return LexComment;
        }

        Emit(TokenKind.LeftDelim);
        _pos += afterMarker;
        Ignore();
        _parenDepth = 0;
        return LexInsideAction;
    }

    private State? LexComment()
    {
        _pos += LeftComment.Length;
        var x = _input.IndexOf(RightComment, _pos, StringComparison.Ordinal);
        if (x < 0)
            return Errorf("unclosed comment");
        _pos = x + RightComment.Length;
        var (delim, trim) = AtRightDelim();
        if (!delim)
            return Errorf("comment ends before closing delimiter");
        if (trim)
            _pos += 2;
        _pos += RightDelim.Length;
        if (trim)
            _pos += LeftTrimLength(_pos);
        Ignore();
        return LexText;
    }

    private State? LexRightDelim()
    {
        var (_, trim) = AtRightDelim();
        if (trim)
        {
            _pos += 2;
            Ignore();
        }

        _pos += RightDelim.Length;
        Emit(TokenKind.RightDelim);
        if (trim)
        {
            _pos += LeftTrimLength(_pos);
            Ignore();
        }

        return LexText;
    }

    private State? LexInsideAction()
    {
        var (delim, _) = AtRightDelim();
        if (delim)
        {
            if (_parenDepth == 0)
                return LexRightDelim;
            return Errorf("unclosed left paren");
        }

        var r = Next();
        switch (r)
        {
            case Eof:
                return Errorf("unclosed action");
            case ' ' or '\t' or '\r' or '\n':
                Backup();
                return LexSpace;
            case '=':
                Emit(TokenKind.Assign);
                return LexInsideAction;
            case ':':
                if (Next() != '=')
                    return Errorf("expected :=");
                Emit(TokenKind.Declare);
                return LexInsideAction;
            case '|':
                Emit(TokenKind.Pipe);
                return LexInsideAction;
            case '"':
                return LexQuote;
            case '`':
                return LexRawQuote;
            case '$':
                return LexVariable;
            case '\'':
                return LexChar;
            case '(':
                Emit(TokenKind.LeftParen);
                _parenDepth++;
                return LexInsideAction;
            case ')':
                Emit(TokenKind.RightParen);
                _parenDepth--;
                if (_parenDepth < 0)
                    return Errorf("unexpected right paren " + SharpU(r));
                return LexInsideAction;
        }

        if (r == '.')
        {
            if (_pos < _input.Length)
            {
                var c = _input[_pos];
                if (c < '0' || c > '9')
                    return LexField;
            }

            Backup();
            return LexNumber;
        }

        if (r == '+' || r == '-' || (r >= '0' && r <= '9'))
        {
            Backup();
            return LexNumber;
        }

        if (IsAlphaNumeric(r))
        {
            Backup();
            return LexIdentifier;
        }

        if (r < 0x80 && r >= 0x20 && r < 0x7f)
        {
            Emit(TokenKind.Char);
            return LexInsideAction;
        }

        return Errorf("unrecognized character in action: " + SharpU(r));
    }

    private static string SharpU(int r)
    {
        var s = "U+" + r.ToString("X4", CultureInfo.InvariantCulture);
        if (Values.GoFormat.IsPrint(r))
            s += " '" + char.ConvertFromUtf32(r) + "'";
        return s;
    }

    private State? LexSpace()
    {
        var numSpaces = 0;
        while (IsSpace(Peek()))
        {
            Next();
            numSpaces++;
        }

        if (HasRightTrimMarker(_pos - 1) && StartsWithAt(_pos - 1 + 2, RightDelim))
        {
            _pos--;
            if (_input[_pos] == '\n')
                _line--;
            if (numSpaces == 1)
                return LexRightDelim;
        }

        Emit(TokenKind.Space);
        return LexInsideAction;
    }

    private State? LexIdentifier()
    {
        while (true)
        {
            var r = Next();
            if (IsAlphaNumeric(r))
                continue;
            Backup();
            var word = _input[_start.._pos];
            if (!AtTerminator())
                return Errorf("bad character " + SharpU(r));
            if (Keywords.TryGetValue(word, out var kw) && kw > TokenKind.Keyword)
                Emit(kw);
            else if (word[0] == '.')
                Emit(TokenKind.Field);
            else if (word is "true" or "false")
                Emit(TokenKind.Bool);
            else
                Emit(TokenKind.Identifier);
            return LexInsideAction;
        }
    }

    private State? LexField() => LexFieldOrVariable(TokenKind.Field);

    private State? LexVariable()
    {
        if (AtTerminator())
        {
            Emit(TokenKind.Variable);
            return LexInsideAction;
        }

        return LexFieldOrVariable(TokenKind.Variable);
    }

    private State? LexFieldOrVariable(TokenKind kind)
    {
        if (AtTerminator())
        {
            Emit(kind == TokenKind.Variable ? TokenKind.Variable : TokenKind.Dot);
            return LexInsideAction;
        }

        int r;
        while (true)
        {
            r = Next();
            if (!IsAlphaNumeric(r))
            {
                Backup();
                break;
            }
        }

        if (!AtTerminator())
            return Errorf("bad character " + SharpU(r));
        Emit(kind);
        return LexInsideAction;
    }

    private bool AtTerminator()
    {
        var r = Peek();
        if (IsSpace(r))
            return true;
        return r is Eof or '.' or ',' or '|' or ':' or ')' or '(' or '}';
    }

    private State? LexQuote() => LexEscaped('"', TokenKind.String, "unterminated quoted string");

    private State? LexChar() => LexEscaped('\'', TokenKind.CharConstant, "unterminated character constant");

    /// <summary>A quoted string or a character constant: up to the closing quote, with backslash escapes, on one line.</summary>
    private State? LexEscaped(char quote, TokenKind kind, string unterminated)
    {
        while (true)
        {
            var r = Next();
            if (r == '\\')
            {
                var n = Next();
                if (n != Eof && n != '\n')
                    continue;
                return Errorf(unterminated);
            }

            if (r is Eof or '\n')
                return Errorf(unterminated);
            if (r == quote)
                break;
        }

        Emit(kind);
        return LexInsideAction;
    }

    private State? LexNumber()
    {
        if (!ScanNumber())
            return Errorf("bad number syntax: " + Values.GoFormat.Quote(_input[_start.._pos]));
        var sign = Peek();
        if (sign is '+' or '-')
        {
            if (!ScanNumber() || _input[_pos - 1] != 'i')
                return Errorf("bad number syntax: " + Values.GoFormat.Quote(_input[_start.._pos]));
            Emit(TokenKind.Complex);
            return LexInsideAction;
        }

        Emit(TokenKind.Number);
        return LexInsideAction;
    }

    private bool ScanNumber()
    {
        Accept("+-");
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX"))
                digits = "0123456789abcdefABCDEF_";
            else if (Accept("oO"))
                digits = "01234567_";
            else if (Accept("bB"))
                digits = "01_";
        }

        AcceptRun(digits);
        if (Accept("."))
            AcceptRun(digits);
        if (digits.Length == 11 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        if (digits.Length == 23 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        Accept("i");
        if (IsAlphaNumeric(Peek()))
        {
            Next();
            return false;
        }

        return true;
    }

    private State? LexRawQuote()
    {
        while (true)
        {
            var r = Next();
            if (r == Eof)
                return Errorf("unterminated raw quoted string");
            if (r == '`')
                break;
        }

        Emit(TokenKind.RawString);
        return LexInsideAction;
    }
}
