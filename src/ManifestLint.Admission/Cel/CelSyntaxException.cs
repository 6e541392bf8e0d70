namespace ManifestLint.Admission.Cel;

/// <summary>An expression that does not compile; <see cref="Position"/> is the 0-based offset of the problem.</summary>
public sealed class CelSyntaxException : Exception
{
    public CelSyntaxException(string message, int position)
        : base(message) => Position = position;

    public CelSyntaxException()
    {
    }

    public CelSyntaxException(string message)
        : base(message)
    {
    }

    public CelSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Position { get; }
}
