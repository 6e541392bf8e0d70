using System.Collections.Immutable;

namespace ManifestLint.Reporting.Sarif;

/// <param name="Id">Set on related locations (1-based), so messages can refer to them.</param>
public sealed record Location(
    int? Id,
    PhysicalLocation? PhysicalLocation,
    ImmutableArray<LogicalLocation> LogicalLocations,
    Message? Message);
