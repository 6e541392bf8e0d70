using System.Text;

namespace ManifestLint.Templates.Lexing;

/// <summary>One lexed token: its kind, text, offset in the template text and 1-based line.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, int Pos, int Line)
{
    /// <summary>How Go's parser quotes a token in error messages.</summary>
    public override string ToString()
    {
        if (Kind == TokenKind.Eof)
            return "EOF";
        if (Kind == TokenKind.Error)
            return Value;
        if (Kind > TokenKind.Keyword)
            return "<" + Value + ">";
        if (CountRunes(Value) > 10)
            return Values.GoFormat.Quote(TruncateRunes(Value, 10)) + "...";
        return Values.GoFormat.Quote(Value);
    }

    private static int CountRunes(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes())
            n++;
        return n;
    }

    private static string TruncateRunes(string s, int n)
    {
        var sb = new StringBuilder();
        foreach (var r in s.EnumerateRunes())
        {
            if (n-- <= 0)
                break;
            sb.Append(r.ToString());
        }

        return sb.ToString();
    }
}
