namespace ManifestLint.Templates.Functions;

/// <summary>
/// Thrown by a function body to fail the way a Go function returning a non-nil <c>error</c> fails.
/// The evaluator turns it into Go's <c>error calling NAME: MESSAGE</c>.
/// </summary>
public sealed class TemplateFunctionException : Exception, IWrappedMessage
{
    private readonly bool _wraps;
    private readonly string _head = string.Empty;
    private string? _joined;

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

    // The public (message, inner) constructor keeps the message as given; this one joins it with inner's.
    private TemplateFunctionException(string head, Exception inner, bool wraps)
        : base(head, inner)
    {
        _head = head;
        _wraps = wraps;
    }

    public override string Message => _wraps ? _joined ??= ErrorText.Join(this) : base.Message;

    string IWrappedMessage.MessageHead => _head;

    Exception? IWrappedMessage.MessageTail => _wraps ? InnerException : null;

    /// <summary>Fails with <paramref name="head"/> followed by <paramref name="inner"/>'s message (joined only when read).</summary>
    public static TemplateFunctionException Wrapping(string head, Exception inner) => new(head, inner, wraps: true);
}
