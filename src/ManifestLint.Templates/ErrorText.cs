using System.Text;

namespace ManifestLint.Templates;

/// <summary>
/// Go wraps an error once per template call it passes through ("error calling include: template: …: error calling
/// include: …"). Built eagerly, a chain a thousand calls deep copies hundreds of kilobytes a thousand times; these
/// exceptions instead keep their own text (the head) and the exception whose message follows it (the tail), and
/// join the chain once, when the message is read.
/// </summary>
internal interface IWrappedMessage
{
    string MessageHead { get; }

    Exception? MessageTail { get; }
}

internal static class ErrorText
{
    /// <summary>The head of each wrapping exception down the chain, then the message of the first one that is not.</summary>
    public static string Join(IWrappedMessage top)
    {
        var sb = new StringBuilder(top.MessageHead);
        var next = top.MessageTail;
        while (next is IWrappedMessage { MessageTail: not null } wrapped)
        {
            sb.Append(wrapped.MessageHead);
            next = wrapped.MessageTail;
        }

        if (next is not null)
            sb.Append(next.Message);
        return sb.ToString();
    }
}
