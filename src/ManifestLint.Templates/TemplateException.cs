namespace ManifestLint.Templates;

/// <summary>
/// A template failed to parse or to execute. <see cref="Exception.Message"/> is Go's error text
/// (<c>template: main:1: unexpected "}" in operand</c>,
/// <c>template: main:1:10: executing "main" at &lt;.Values.x.y&gt;: nil pointer evaluating interface {}.y</c>).
/// </summary>
public class TemplateException : Exception, IWrappedMessage
{
    private readonly string _head = string.Empty;
    private readonly Exception? _tail;
    private string? _joined;

    public TemplateException(string message, string template, int line, int column, TemplateErrorKind kind)
        : base(message)
    {
        Template = template;
        Line = line;
        Column = column;
        Kind = kind;
    }

    public TemplateException()
    {
        Template = string.Empty;
    }

    public TemplateException(string message)
        : base(message)
    {
        Template = string.Empty;
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Template = string.Empty;
    }

    /// <summary>The template file (Go's ParseName) the error is located in.</summary>
    public string Template { get; }

    /// <summary>1-based line of the error, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Go's column: the 0-based byte offset in the line (0 for parse errors, which carry only a line).</summary>
    public int Column { get; }

    /// <summary>Whether the error happened while parsing, executing, or hit a safety limit.</summary>
    public TemplateErrorKind Kind { get; }

    /// <summary>
    /// The innermost message after Go's position prefixes, e.g. <c>nil pointer evaluating interface {}.y</c>.
    /// Helm shows parse errors as <c>parse error at (NAME:LINE): DETAIL</c>.
    /// </summary>
    public string Detail
    {
        get => _tail is null ? _detail : _detailHead + _tail.Message;
        init => _detail = value;
    }

    private readonly string _detail = string.Empty;
    private readonly string _detailHead = string.Empty;

    /// <summary>An error whose message is <paramref name="head"/> followed by the message of <paramref name="tail"/>.</summary>
    internal TemplateException(string head, Exception tail, string detailHead, string template, int line, int column, TemplateErrorKind kind)
        : this(head, template, line, column, kind)
    {
        _head = head;
        _tail = tail;
        _detailHead = detailHead;
    }

    public override string Message => _tail is null ? base.Message : _joined ??= ErrorText.Join(this);

    string IWrappedMessage.MessageHead => _head;

    Exception? IWrappedMessage.MessageTail => _tail;


    internal TemplateException Copy() => _tail is null
        ? new(Message, Template, Line, Column, Kind) { Detail = Detail }
        : new(_head, _tail, _detailHead, Template, Line, Column, Kind);
}
