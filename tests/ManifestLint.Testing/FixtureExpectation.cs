namespace ManifestLint.Testing;

/// <summary>A finding a fixture says must start on <paramref name="Line"/>, with the column of the marker comment.</summary>
public sealed record FixtureExpectation(int Line, string RuleId, int MarkerLine, int MarkerColumn);
