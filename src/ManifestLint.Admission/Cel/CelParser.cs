using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ManifestLint.Admission.Cel;

/// <summary>
/// Recursive-descent parser for the CEL grammar (cel-spec langdef.md): conditional, logical, relational,
/// additive, multiplicative and unary operators, member selection and calls, optional selection
/// (<c>.?f</c>, <c>[?k]</c>), list and map literals, and the standard macros expanded at parse time.
/// </summary>
public sealed class CelParser
{
    private const int MaxDepth = 250;
    private static readonly ImmutableHashSet<string> Reserved =
        ["as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"];

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _pos;
    private int _depth;

    private CelParser(string text)
    {
        _text = text;
        _tokens = Lex(text);
    }

    public static CelExpr Parse(string text)
    {
        var p = new CelParser(text);
        var e = p.Expr();
        if (p.Peek.Kind != TokenKind.End)
            throw new CelSyntaxException($"unexpected '{p.Peek.Text}'", p.Peek.Position);
        return e;
    }

    private Token Peek => _tokens[_pos];

    private Token Next() => _tokens[_pos++];

    private bool Accept(string op)
    {
        if (Peek.Kind == TokenKind.Op && Peek.Text == op)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private Token Expect(string op)
    {
        if (Peek.Kind == TokenKind.Op && Peek.Text == op)
            return Next();
        throw new CelSyntaxException(Peek.Kind == TokenKind.End ? $"expected '{op}' but the expression ended" : $"expected '{op}', found '{Peek.Text}'", Peek.Position);
    }

    private CelExpr Expr()
    {
        if (++_depth > MaxDepth)
            throw new CelSyntaxException("expression nested too deeply", Peek.Position);
        var cond = Or();
        if (Peek.Kind == TokenKind.Op && Peek.Text == "?")
        {
            var at = Next().Position;
            var then = Or();
            Expect(":");
            var otherwise = Expr();
            cond = new CelCall(at, null, "_?_:_", [cond, then, otherwise]);
        }

        _depth--;
        return cond;
    }

    private CelExpr Or()
    {
        var left = And();
        while (Peek.Kind == TokenKind.Op && Peek.Text == "||")
        {
            var at = Next().Position;
            left = new CelCall(at, null, "_||_", [left, And()]);
        }

        return left;
    }

    private CelExpr And()
    {
        var left = Relation();
        while (Peek.Kind == TokenKind.Op && Peek.Text == "&&")
        {
            var at = Next().Position;
            left = new CelCall(at, null, "_&&_", [left, Relation()]);
        }

        return left;
    }

    private CelExpr Relation()
    {
        var left = Addition();
        while (true)
        {
            var t = Peek;
            string? op = t.Kind switch
            {
                TokenKind.Op when t.Text is "<" or "<=" or ">" or ">=" or "==" or "!=" => "_" + t.Text + "_",
                TokenKind.Ident when t.Text == "in" => "@in",
                _ => null,
            };
            if (op is null)
                return left;
            _pos++;
            left = new CelCall(t.Position, null, op, [left, Addition()]);
        }
    }

    private CelExpr Addition()
    {
        var left = Multiplication();
        while (Peek.Kind == TokenKind.Op && Peek.Text is "+" or "-")
        {
            var t = Next();
            left = new CelCall(t.Position, null, "_" + t.Text + "_", [left, Multiplication()]);
        }

        return left;
    }

    private CelExpr Multiplication()
    {
        var left = Unary();
        while (Peek.Kind == TokenKind.Op && Peek.Text is "*" or "/" or "%")
        {
            var t = Next();
            left = new CelCall(t.Position, null, "_" + t.Text + "_", [left, Unary()]);
        }

        return left;
    }

    private CelExpr Unary()
    {
        if (Peek.Kind == TokenKind.Op && Peek.Text is "!" or "-")
        {
            var t = Next();
            if (++_depth > MaxDepth)
                throw new CelSyntaxException("expression nested too deeply", t.Position);
            var operand = Unary();
            _depth--;
            if (t.Text == "-" && operand is CelLiteral { Value: long l })
                return new CelLiteral(t.Position, -l);
            if (t.Text == "-" && operand is CelLiteral { Value: double d })
                return new CelLiteral(t.Position, -d);
            if (t.Text == "-" && operand is CelLiteral { Value: NegatableMinInt })
                return new CelLiteral(t.Position, long.MinValue);
            return new CelCall(t.Position, null, t.Text == "!" ? "!_" : "-_", [operand]);
        }

        var m = Member();
        return m is CelLiteral { Value: NegatableMinInt } ? throw new CelSyntaxException("integer literal out of range", m.Position) : m;
    }

    private CelExpr Member()
    {
        var e = Primary();
        while (true)
        {
            var t = Peek;
            if (t.Kind != TokenKind.Op)
                return e;
            if (t.Text is "." or ".?")
            {
                _pos++;
                var name = Peek;
                if (name.Kind != TokenKind.Ident)
                    throw new CelSyntaxException(name.Kind == TokenKind.End ? "expected a field name but the expression ended" : $"expected a field name, found '{name.Text}'", name.Position);
                _pos++;
                if (t.Text == "." && Peek.Kind == TokenKind.Op && Peek.Text == "(")
                {
                    _pos++;
                    var args = Args(")");
                    e = MakeCall(name.Position, e, name.Text, args);
                }
                else
                {
                    e = new CelSelect(name.Position, e, name.Text, t.Text == ".?");
                }
            }
            else if (t.Text == "[")
            {
                _pos++;
                var optional = Accept("?");
                var key = Expr();
                Expect("]");
                e = new CelIndex(t.Position, e, key, optional);
            }
            else
            {
                return e;
            }
        }
    }

    private ImmutableArray<CelExpr> Args(string close)
    {
        var args = ImmutableArray.CreateBuilder<CelExpr>();
        if (Accept(close))
            return args.ToImmutable();
        do
        {
            if (Peek.Kind == TokenKind.Op && Peek.Text == close)
                break;
            args.Add(Expr());
        }
        while (Accept(","));
        Expect(close);
        return args.ToImmutable();
    }

    private CelExpr MakeCall(int at, CelExpr? target, string name, ImmutableArray<CelExpr> args)
    {
        if (target is null && name == "has")
        {
            if (args.Length != 1 || args[0] is not CelSelect { Optional: false } sel)
                throw new CelSyntaxException("has() takes one field selection, such as has(object.spec.replicas)", at);
            return new CelHas(at, sel);
        }

        if (target is not null && name is "all" or "exists" or "exists_one" or "existsOne" or "map" or "filter" && args.Length is 2 or 3)
        {
            if (args[0] is not CelIdent v)
                throw new CelSyntaxException($"{name}() needs a variable name as its first argument", args[0].Position);
            if (args.Length == 3 && name != "map")
                throw new CelSyntaxException($"{name}() takes two arguments", at);
            return args.Length == 3
                ? new CelComprehension(at, name, target, v.Name, args[2], args[1])
                : new CelComprehension(at, name == "existsOne" ? "exists_one" : name, target, v.Name, args[1], null);
        }

        return new CelCall(at, target, name, args);
    }

    private CelExpr Primary()
    {
        var t = Next();
        switch (t.Kind)
        {
            case TokenKind.Literal:
                return new CelLiteral(t.Position, t.Value);
            case TokenKind.Ident:
                if (t.Text is "true" or "false")
                    return new CelLiteral(t.Position, t.Text == "true");
                if (t.Text == "null")
                    return new CelLiteral(t.Position, null);
                if (Reserved.Contains(t.Text) || t.Text == "in")
                    throw new CelSyntaxException($"reserved identifier '{t.Text}'", t.Position);
                if (Accept("("))
                    return MakeCall(t.Position, null, t.Text, Args(")"));
                return new CelIdent(t.Position, t.Text);
            case TokenKind.Op when t.Text == ".":
                return Primary();
            case TokenKind.Op when t.Text == "(":
                {
                    var e = Expr();
                    Expect(")");
                    return e;
                }

            case TokenKind.Op when t.Text == "[":
                {
                    var items = ImmutableArray.CreateBuilder<CelExpr>();
                    var optional = ImmutableArray.CreateBuilder<bool>();
                    if (!Accept("]"))
                    {
                        do
                        {
                            if (Peek.Kind == TokenKind.Op && Peek.Text == "]")
                                break;
                            optional.Add(Accept("?"));
                            items.Add(Expr());
                        }
                        while (Accept(","));
                        Expect("]");
                    }

                    return new CelList(t.Position, items.ToImmutable(), optional.ToImmutable());
                }

            case TokenKind.Op when t.Text == "{":
                {
                    var entries = ImmutableArray.CreateBuilder<(CelExpr, CelExpr, bool)>();
                    if (!Accept("}"))
                    {
                        do
                        {
                            if (Peek.Kind == TokenKind.Op && Peek.Text == "}")
                                break;
                            var optional = Accept("?");
                            var key = Expr();
                            Expect(":");
                            entries.Add((key, Expr(), optional));
                        }
                        while (Accept(","));
                        Expect("}");
                    }

                    return new CelMapLiteral(t.Position, entries.ToImmutable());
                }

            case TokenKind.End:
                throw new CelSyntaxException("unexpected end of expression", t.Position);
            default:
                throw new CelSyntaxException($"unexpected '{t.Text}'", t.Position);
        }
    }

    private enum TokenKind
    {
        Ident,
        Literal,
        Op,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null);

    /// <summary>9223372036854775808, valid only after a unary minus.</summary>
    private sealed record NegatableMinInt;

    private static List<Token> Lex(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < s.Length)
            {
                if (char.IsWhiteSpace(s[i]))
                {
                    i++;
                }
                else if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '/')
                {
                    while (i < s.Length && s[i] != '\n')
                        i++;
                }
                else
                {
                    break;
                }
            }

            if (i >= s.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", s.Length));
                return tokens;
            }

            var start = i;
            var c = s[i];
            if ((c is 'r' or 'R' or 'b' or 'B') && i + 1 < s.Length && (s[i + 1] is '"' or '\'' || (s[i + 1] is 'r' or 'R' or 'b' or 'B' && s[i + 1] != c && i + 2 < s.Length && s[i + 2] is '"' or '\'')))
            {
                var raw = false;
                var bytes = false;
                while (s[i] is not '"' and not '\'')
                {
                    raw |= s[i] is 'r' or 'R';
                    bytes |= s[i] is 'b' or 'B';
                    i++;
                }

                var text = LexString(s, ref i, raw, start);
                tokens.Add(new Token(TokenKind.Literal, s[start..i], start, bytes ? Encoding.UTF8.GetBytes(text) : text));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Ident, s[start..i], start));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                tokens.Add(LexNumber(s, ref i));
                continue;
            }

            if (c is '"' or '\'')
            {
                var text = LexString(s, ref i, raw: false, start);
                tokens.Add(new Token(TokenKind.Literal, s[start..i], start, text));
                continue;
            }

            string[] ops = ["&&", "||", "<=", ">=", "==", "!=", ".?", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"];
            var op = ops.FirstOrDefault(o => string.CompareOrdinal(s, i, o, 0, o.Length) == 0);
            if (op is null)
                throw new CelSyntaxException($"unexpected character '{c}'", i);
            if (op == ".?" && i + 2 < s.Length && !(char.IsAsciiLetter(s[i + 2]) || s[i + 2] == '_' || char.IsWhiteSpace(s[i + 2])))
                op = ".";
            i += op.Length;
            tokens.Add(new Token(TokenKind.Op, op, start));
        }
    }

    private static Token LexNumber(string s, ref int i)
    {
        var start = i;
        if (s[i] == '0' && i + 1 < s.Length && s[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < s.Length && char.IsAsciiHexDigit(s[i]))
                i++;
            var hex = s[(start + 2)..i];
            if (hex.Length == 0)
                throw new CelSyntaxException("invalid hexadecimal literal", start);
            if (i < s.Length && s[i] is 'u' or 'U')
            {
                i++;
                return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hu)
                    ? new Token(TokenKind.Literal, s[start..i], start, hu)
                    : throw new CelSyntaxException("integer literal out of range", start);
            }

            return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hv) && hv <= long.MaxValue
                ? new Token(TokenKind.Literal, s[start..i], start, (long)hv)
                : throw new CelSyntaxException("integer literal out of range", start);
        }

        var isDouble = false;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < s.Length && s[j] is '+' or '-')
                j++;
            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                isDouble = true;
                i = j;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                    i++;
            }
        }

        var text = s[start..i];
        if (isDouble)
            return new Token(TokenKind.Literal, text, start, double.Parse(text, CultureInfo.InvariantCulture));
        if (i < s.Length && s[i] is 'u' or 'U')
        {
            i++;
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                ? new Token(TokenKind.Literal, s[start..i], start, u)
                : throw new CelSyntaxException("integer literal out of range", start);
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            return new Token(TokenKind.Literal, text, start, l);
        if (text == "9223372036854775808")
            return new Token(TokenKind.Literal, text, start, new NegatableMinInt());
        throw new CelSyntaxException("integer literal out of range", start);
    }

    private static string LexString(string s, ref int i, bool raw, int start)
    {
        var quote = s[i];
        var triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= s.Length)
                throw new CelSyntaxException("unterminated string literal", start);
            var c = s[i];
            if (triple ? (c == quote && i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote) : c == quote)
            {
                i += triple ? 3 : 1;
                return sb.ToString();
            }

            if (!triple && c is '\n' or '\r')
                throw new CelSyntaxException("newline in string literal", i);
            if (c == '\\' && !raw)
            {
                if (i + 1 >= s.Length)
                    throw new CelSyntaxException("unterminated string literal", start);
                var e = s[i + 1];
                i += 2;
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'v': sb.Append('\v'); break;
                    case '\\' or '\'' or '"' or '`' or '?': sb.Append(e); break;
                    case 'x' or 'X': sb.Append((char)ReadHex(s, ref i, 2, start)); break;
                    case 'u': sb.Append(char.ConvertFromUtf32(ReadHex(s, ref i, 4, start))); break;
                    case 'U': sb.Append(char.ConvertFromUtf32(ReadHex(s, ref i, 8, start))); break;
                    case >= '0' and <= '3':
                        if (i + 1 >= s.Length || s[i] is < '0' or > '7' || s[i + 1] is < '0' or > '7')
                            throw new CelSyntaxException("invalid octal escape", i - 2);
                        sb.Append((char)(((e - '0') * 64) + ((s[i] - '0') * 8) + (s[i + 1] - '0')));
                        i += 2;
                        break;
                    default:
                        throw new CelSyntaxException($"invalid escape sequence '\\{e}'", i - 2);
                }

                continue;
            }

            sb.Append(c);
            i++;
        }
    }

    private static int ReadHex(string s, ref int i, int digits, int start)
    {
        if (i + digits > s.Length || !int.TryParse(s.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) || v < 0 || v > 0x10FFFF || (v is >= 0xD800 and <= 0xDFFF))
            throw new CelSyntaxException("invalid escape sequence", start);
        i += digits;
        return v;
    }
}
