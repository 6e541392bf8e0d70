using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>A command-line flag as written: its name (without dashes), its value, and the node to point at.</summary>
public sealed record ComponentFlag(string Name, string Value, YamlNode Node);
