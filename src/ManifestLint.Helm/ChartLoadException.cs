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
}
