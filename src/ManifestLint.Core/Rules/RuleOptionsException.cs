namespace ManifestLint.Core.Rules;

/// <summary>Invalid rule options in the configuration file (a usage error, exit code 2).</summary>
public sealed class RuleOptionsException : Exception
{
    public RuleOptionsException(string message)
        : base(message)
    {
    }

    public RuleOptionsException()
    {
    }

    public RuleOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
