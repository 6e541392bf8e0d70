using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>The values-file position (and value path, e.g. <c>securityContext.privileged</c>) a rendered node came from.</summary>
public sealed record ValueProvenance(SourceSpan Span, string ValuePath)
{
    /// <summary>The related location's message when it is not a Helm value (e.g. the base line a Kustomize patch overrode).</summary>
    public string? Description { get; init; }
}
