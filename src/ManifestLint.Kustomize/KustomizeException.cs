using ManifestLint.Core.Text;

namespace ManifestLint.Kustomize;

/// <summary>A build error at a kustomization line; the build of that root stops, as kustomize's does.</summary>
public sealed class KustomizeException(SourceSpan span, string message, bool unsupported = false) : Exception(message)
{
    public SourceSpan Span { get; } = span;

    /// <summary>The input is valid kustomize but uses something this build does not implement.</summary>
    public bool Unsupported { get; } = unsupported;
}
