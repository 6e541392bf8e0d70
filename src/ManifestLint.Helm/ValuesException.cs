namespace ManifestLint.Helm;

/// <summary>A values file or <c>--set</c> argument cannot be read.</summary>
internal sealed class ValuesException(string message, string? path) : Exception(message)
{
    public string? Path { get; } = path;

    /// <summary>1-based line of the problem in <see cref="Path"/>, 0 when unknown.</summary>
    public int Line { get; init; }
}
