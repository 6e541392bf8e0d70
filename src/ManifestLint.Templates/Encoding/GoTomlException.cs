namespace ManifestLint.Templates.Encoding;

/// <summary>The TOML encoder refused a value; the message is BurntSushi/toml's.</summary>
public sealed class GoTomlException : Exception
{
    public GoTomlException(string message)
        : base(message)
    {
    }

    public GoTomlException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GoTomlException()
    {
    }
}
