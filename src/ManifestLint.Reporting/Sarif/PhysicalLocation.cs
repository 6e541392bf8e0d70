namespace ManifestLint.Reporting.Sarif;

public sealed record PhysicalLocation(ArtifactLocation ArtifactLocation, Region? Region);
