using ManifestLint.Core.Text;

namespace ManifestLint.Kustomize;

/// <summary>
/// Where a node of the built output came from: <see cref="Span"/> is the line that set it (the base resource's line,
/// the patch line, the generator entry or the kustomization field); <see cref="Base"/> is the base line a patch or
/// transformer overrode, when there was one.
/// </summary>
public sealed record NodeOrigin(SourceSpan Span, SourceSpan? Base = null, string? BaseLabel = null)
{
    /// <summary>This origin overriding what <paramref name="previous"/> had set (the earliest base line is kept).</summary>
    public NodeOrigin Over(NodeOrigin? previous, string label) =>
        previous is null ? this : this with { Base = previous.Base ?? previous.Span, BaseLabel = previous.BaseLabel ?? label };
}
