namespace ManifestLint.Core.Yaml;

/// <summary>Bounds that keep hostile input cheap.</summary>
/// <param name="MaxAliasExpansion">Largest number of nodes aliases may add to one document (alias bombs).</param>
/// <param name="MaxDepth">Deepest nesting accepted.</param>
/// <param name="MaxNodes">Most nodes in one document.</param>
public sealed record YamlLoadOptions(int MaxAliasExpansion = 100_000, int MaxDepth = 500, int MaxNodes = 2_000_000)
{
    public static YamlLoadOptions Default { get; } = new();
}
