using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>One resource of the build output as <c>kubectl kustomize</c> prints it, and the map from its lines to their origins.</summary>
public sealed record BuiltDocument(string Text, ISourceMap Map);
