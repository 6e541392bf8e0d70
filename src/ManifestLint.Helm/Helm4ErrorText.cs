using System.Text;

namespace ManifestLint.Helm;

/// <summary>
/// Helm 4 prints a template execution error as a trace: the location on one line, then what was executing,
/// then the message indented; an error inside <c>include</c> continues with the included template's trace.
/// Errors of any other function call (<c>error calling index: ...</c>, <c>tpl</c>, ...) keep Go's one-line text.
/// </summary>
internal static class Helm4ErrorText
{
    private const string TemplatePrefix = "template: ";
    private const string Executing = ": executing \"";
    private const string IncludeError = "error calling include: ";
    private const string CallError = "error calling ";

    /// <summary>The trace form of a Go <c>template: LOC: executing "NAME" at &lt;NODE&gt;: MESSAGE</c> error, or null when Helm 4 leaves it as it is.</summary>
    public static string? Trace(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sb = new StringBuilder();
        var rest = message;
        while (true)
        {
            if (!TryParse(rest, out var location, out var name, out var node, out var text))
                return null;
            sb.Append(location).Append("\n  executing \"").Append(name).Append("\" at <").Append(node).Append(">:\n    ");
            if (text.StartsWith(IncludeError, StringComparison.Ordinal))
            {
                sb.Append(IncludeError.TrimEnd(' ')).Append('\n');
                rest = text[IncludeError.Length..];
                if (TryParse(rest, out _, out _, out _, out _))
                    continue;
                return sb.Append(rest).ToString();
            }

            if (text.StartsWith(CallError, StringComparison.Ordinal))
                return null;
            return sb.Append(text).ToString();
        }
    }

    private static bool TryParse(string error, out string location, out string name, out string node, out string text)
    {
        location = name = node = text = string.Empty;
        if (!error.StartsWith(TemplatePrefix, StringComparison.Ordinal))
            return false;
        var body = error[TemplatePrefix.Length..];
        var exec = body.IndexOf(Executing, StringComparison.Ordinal);
        if (exec < 0)
            return false;
        var afterName = body.IndexOf("\" at <", exec + Executing.Length, StringComparison.Ordinal);
        if (afterName < 0)
            return false;
        var nodeStart = afterName + "\" at <".Length;
        var nodeEnd = body.IndexOf(">: ", nodeStart, StringComparison.Ordinal);
        if (nodeEnd < 0)
            return false;
        location = body[..exec];
        name = body[(exec + Executing.Length)..afterName];
        node = body[nodeStart..nodeEnd];
        text = body[(nodeEnd + 3)..];
        return true;
    }
}
