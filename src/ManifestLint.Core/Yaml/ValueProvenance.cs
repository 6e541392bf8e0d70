using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>The values-file position (and value path, e.g. <c>securityContext.privileged</c>) a rendered node came from.</summary>
public sealed record ValueProvenance(SourceSpan Span, string ValuePath);
