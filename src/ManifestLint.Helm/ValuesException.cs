namespace ManifestLint.Helm;

/// <summary>A values file or <c>--set</c> argument cannot be read.</summary>
internal sealed class ValuesException(string message, string? path) : Exception(message)
{
    public string? Path { get; } = path;
}
