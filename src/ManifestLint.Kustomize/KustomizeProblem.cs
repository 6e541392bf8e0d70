using ManifestLint.Core.Text;

namespace ManifestLint.Kustomize;

/// <summary>Why a root could not be built (or a remote resource that was not fetched), at the line that caused it.</summary>
/// <param name="Unsupported">Valid for kustomize, but not implemented here; the root is not built rather than built wrong.</param>
public sealed record KustomizeProblem(SourceSpan Span, string Message, bool Unsupported);
