using ManifestLint.Core.Text;

namespace ManifestLint.Core.Rules;

/// <summary>Another place that explains a finding: the other end of a graph edge, or the values line behind a template line.</summary>
public sealed record RelatedLocation(SourceSpan Span, string Message);
