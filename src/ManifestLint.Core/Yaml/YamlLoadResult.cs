using System.Collections.Immutable;
using ManifestLint.Core.Rules;

namespace ManifestLint.Core.Yaml;

/// <summary>The documents of one file, and the input problems found while reading it.</summary>
public sealed record YamlLoadResult(ImmutableArray<YamlDocument> Documents, ImmutableArray<Finding> Problems);
