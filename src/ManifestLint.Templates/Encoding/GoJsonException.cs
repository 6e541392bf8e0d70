namespace ManifestLint.Templates.Encoding;

/// <summary>Go's <c>encoding/json</c> refused a value or a text; the message is Go's.</summary>
public sealed class GoJsonException : Exception
{
    public GoJsonException(string message)
        : base(message)
    {
    }

    public GoJsonException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GoJsonException()
    {
    }
}
