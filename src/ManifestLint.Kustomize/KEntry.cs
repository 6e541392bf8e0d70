namespace ManifestLint.Kustomize;

/// <summary>One key of a <see cref="KMap"/>, its value and where that value was set.</summary>
internal sealed class KEntry(string key, object? value, NodeOrigin? origin)
{
    public string Key { get; } = key;

    public object? Value { get; set; } = value;

    public NodeOrigin? Origin { get; set; } = origin;
}
