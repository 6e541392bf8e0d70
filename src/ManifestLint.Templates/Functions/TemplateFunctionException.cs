namespace ManifestLint.Templates.Functions;

/// <summary>
/// Thrown by a function body to fail the way a Go function returning a non-nil <c>error</c> fails.
/// The evaluator turns it into Go's <c>error calling NAME: MESSAGE</c>.
/// </summary>
public sealed class TemplateFunctionException : Exception
{
    public TemplateFunctionException(string message)
        : base(message)
    {
    }

    public TemplateFunctionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TemplateFunctionException()
    {
    }
}
