namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>A Go regexp syntax error, worded as Go's <c>*syntax.Error</c> prints it.</summary>
public sealed class SprigExtraRegexSyntaxException : Exception
{
    public SprigExtraRegexSyntaxException(string code, string expr)
        : base("error parsing regexp: " + code + ": `" + expr + "`")
    {
        Code = code;
        Expr = expr;
    }

    public SprigExtraRegexSyntaxException()
    {
        Code = "";
        Expr = "";
    }

    public SprigExtraRegexSyntaxException(string message)
        : base(message)
    {
        Code = "";
        Expr = "";
    }

    public SprigExtraRegexSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "";
        Expr = "";
    }

    public string Code { get; }

    public string Expr { get; }
}
