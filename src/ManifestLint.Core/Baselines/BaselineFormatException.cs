namespace ManifestLint.Core.Baselines;

/// <summary>A baseline file that cannot be read (a usage error).</summary>
public sealed class BaselineFormatException : Exception
{
    public BaselineFormatException(string message)
        : base(message)
    {
    }

    public BaselineFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BaselineFormatException()
    {
    }
}
