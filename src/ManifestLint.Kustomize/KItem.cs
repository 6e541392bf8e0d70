namespace ManifestLint.Kustomize;

/// <summary>One item of a <see cref="KList"/> and where it was set.</summary>
internal sealed class KItem(object? value, NodeOrigin? origin)
{
    public object? Value { get; set; } = value;

    public NodeOrigin? Origin { get; set; } = origin;
}
