using System.Collections.Immutable;
using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>One document of a YAML stream. <see cref="Root"/> is null for an empty document.</summary>
/// <param name="Source">The file the document was read from (for rendered charts, the rendered text).</param>
/// <param name="Index">0-based index of the document in its stream.</param>
/// <param name="StartLine">1-based line where the document starts in <paramref name="Source"/>.</param>
public sealed record YamlDocument(SourceFile Source, int Index, int StartLine, YamlNode? Root, ImmutableArray<YamlComment> Comments);
