namespace ManifestLint.Helm;

/// <summary>A chart cannot be loaded (bad Chart.yaml, unsafe archive entry, unreadable values). The message is Helm's wording where Helm has one.</summary>
public sealed class ChartLoadException : Exception
{
    public ChartLoadException()
    {
    }

    public ChartLoadException(string message)
        : base(message)
    {
    }

    public ChartLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Repository-relative file the problem is in (Chart.yaml, values.yaml), when it is one file.</summary>
    public string? Path { get; init; }

    /// <summary>1-based line of the problem in <see cref="Path"/>, 0 when unknown.</summary>
    public int Line { get; init; }
}
