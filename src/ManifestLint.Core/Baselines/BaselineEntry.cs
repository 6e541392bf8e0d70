namespace ManifestLint.Core.Baselines;

/// <summary>One accepted finding: its fingerprint, plus readable context so the file can be reviewed.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path, string? Resource, string? YamlPath, string Message);
