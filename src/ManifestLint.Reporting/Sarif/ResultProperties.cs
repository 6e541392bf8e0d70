namespace ManifestLint.Reporting.Sarif;

/// <summary>The property bag of a result.</summary>
/// <param name="Scenario">The values scenario a chart was rendered with, when a chart is linted more than once.</param>
public sealed record ResultProperties(string? Scenario);
