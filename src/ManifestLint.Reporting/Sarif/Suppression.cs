namespace ManifestLint.Reporting.Sarif;

/// <summary>Why a result is accepted: <c>inSource</c> (an annotation, at <see cref="Location"/>) or <c>external</c> (a baseline).</summary>
public sealed record Suppression(string Kind, string? Justification, Location? Location);
