using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

/// <summary>Structural equality of two YAML nodes: same scalars, same sequences in order, same mapping entries in any order.</summary>
internal static class YamlEquality
{
    public static bool Same(YamlNode a, YamlNode b) => (a, b) switch
    {
        (YamlScalar x, YamlScalar y) => x.Text == y.Text,
        (YamlSequence x, YamlSequence y) => x.Count == y.Count && x.Items.Zip(y.Items).All(p => Same(p.First, p.Second)),
        (YamlMapping x, YamlMapping y) => x.Count == y.Count
            && x.Entries.All(e => y.GetEntry(e.Key.Text) is { } other && Same(e.Value, other.Value)),
        _ => false,
    };
}
